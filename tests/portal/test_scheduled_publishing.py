"""``publish_scheduled`` (cron, ``make publish-scheduled``): scheduled pages go live and expire."""

from datetime import timedelta

from django.core.management import call_command
from django.utils import timezone

from home.factories import ContentPageFactory


def test_scheduled_page_goes_live_and_expired_page_goes_offline(home, client):
    now = timezone.now()
    scheduled = ContentPageFactory(parent=home, title="Bald da", slug="bald", live=False)
    scheduled.go_live_at = now + timedelta(hours=1)
    scheduled.save_revision().publish()  # as "Publish" in the admin with a future date
    scheduled.refresh_from_db()
    assert not scheduled.live and client.get("/de/bald/").status_code == 404
    expiring = ContentPageFactory(parent=home, title="Bald weg", slug="weg")
    expiring.expire_at = now + timedelta(hours=1)
    expiring.save_revision().publish()
    assert client.get("/de/weg/").status_code == 200

    # An hour later: the cron job runs.
    past = now - timedelta(minutes=1)
    revision = scheduled.latest_revision
    revision.approved_go_live_at = past
    revision.content["go_live_at"] = past.isoformat()
    revision.save(update_fields=["approved_go_live_at", "content"])
    type(expiring).objects.filter(pk=expiring.pk).update(expire_at=past)
    call_command("publish_scheduled")

    scheduled.refresh_from_db()
    expiring.refresh_from_db()
    assert scheduled.live and client.get("/de/bald/").status_code == 200
    assert not expiring.live and expiring.expired
    assert client.get("/de/weg/").status_code == 404


def test_publish_scheduled_leaves_future_pages_alone(home):
    page = ContentPageFactory(parent=home, slug="spaeter", live=False)
    page.go_live_at = timezone.now() + timedelta(days=3)
    page.save_revision().publish()
    call_command("publish_scheduled")
    page.refresh_from_db()
    assert not page.live
