"""Capacity is exact under concurrency: parallel confirmations on real PostgreSQL.

Several people follow their confirmation links at the same moment (threads, each with its
own database connection, real requests through Django's client). The event's row lock
makes them take the places one after another: exactly ``capacity`` are confirmed, the rest
are on the waiting list. SQLite serialises writers anyway and has no row locks.
"""

import threading

import pytest

from django.db import connection
from django.test import Client

from home.events.factories import EventIndexPageFactory, EventPageFactory, RegistrationFactory
from home.events.models import Registration
from home.events.registration import make_token

pytestmark = [
    pytest.mark.postgres,
    # Flushing would remove what the migrations created (collections, groups) for later tests.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL"),
]


def _confirm_all_at_once(registrations):
    urls = [f"/de/veranstaltungen/bestaetigen/{make_token(r, 'confirm')}/" for r in registrations]
    barrier = threading.Barrier(len(urls))
    statuses, errors = [], []

    def worker(url):
        from django.db import connections

        try:
            client = Client()
            barrier.wait(timeout=30)
            response = client.post(url)
            statuses.append(response.status_code)
        except Exception as error:  # noqa: BLE001 (reported by the assertion below)
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=(url,)) for url in urls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == [] and statuses == [200] * len(urls)


@pytest.mark.parametrize(("capacity", "people"), [(1, 2), (1, 2), (3, 6)])
def test_parallel_confirmations_never_exceed_the_capacity(home, capacity, people):
    index = EventIndexPageFactory(parent=home)
    event = EventPageFactory(parent=index, capacity=capacity)
    pending = [
        RegistrationFactory(event=event, status=Registration.Status.PENDING, confirmed_at=None)
        for _ in range(people)
    ]
    _confirm_all_at_once(pending)
    statuses = sorted(Registration.objects.filter(event=event).values_list("status", flat=True))
    assert statuses == ["confirmed"] * capacity + ["waiting"] * (people - capacity)
