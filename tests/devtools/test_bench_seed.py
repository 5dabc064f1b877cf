"""``bench_site --seed-only`` at a tiny scale: the benchmark's site is built through the page
types' factories (docs/demo.md) with the data it always had, and every page type it
measures answers. The timing itself is ``make bench``'s, never run in the suite."""

import io
import json

from django.core.management import call_command
from django.test import Client

from home.events.models import EventPage
from home.models import ContentPage, PublicationPage
from services_directory.models import ServicePage


def test_bench_site_seeds_every_page_type_it_measures(db, tmp_path):
    urls = tmp_path / "urls.json"
    options = {"services": 12, "workspaces": 2, "meetings": 4, "publications": 3}
    options |= {"events": 3, "registrations": 6}
    args = [f"--{name}={value}" for name, value in options.items()]
    call_command("bench_site", "--seed-only", f"--urls={urls}", *args, stdout=io.StringIO())
    plan = json.loads(urls.read_text())
    counts = plan["counts"]
    assert (counts["services"], counts["workspaces"], counts["meetings"]) == (12, 2, 4)
    assert (counts["publications"], counts["events"], counts["registrations"]) == (3, 3, 6)

    # What the factories' defaults would add is given explicitly: the bench's data stays.
    assert not ServicePage.objects.exclude(assured_date=None).exists()
    assert set(EventPage.objects.values_list("place_name", "street_address", "postal_code")) == {
        ("", "", "")
    }
    assert PublicationPage.objects.filter(summary__contains="(Beispieldaten)").count() == 3
    content = ContentPage.objects.get(slug="ueber-kim")
    assert content.body and content.show_in_menus

    anonymous = Client()
    for page in plan["pages"]:
        if not page["member"]:
            assert anonymous.get(page["url"]).status_code == 200, page
