import pytest

from home.events.factories import EventIndexPageFactory, EventPageFactory


@pytest.fixture
def event_index(home):
    return EventIndexPageFactory(parent=home)


@pytest.fixture
def event(event_index):
    return EventPageFactory(
        parent=event_index, title="Fachtag Aufenthaltsrecht", slug="fachtag", capacity=2
    )
