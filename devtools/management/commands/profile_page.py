"""``manage.py profile_page URL``: where one page's server time goes (pyinstrument, issue #21).

Renders the page through Django's test client with the anonymous page cache off, a few
times to warm what each process keeps, then ``--requests`` times under pyinstrument, and
prints the call tree (``--html FILE`` writes pyinstrument's interactive page instead).
pyinstrument is a development dependency (``uv sync`` installs it).
"""

from django.core.management.base import BaseCommand, CommandError
from django.test import Client, override_settings


class Command(BaseCommand):
    help = "Profile the server time of one page with pyinstrument (page cache off)."

    def add_arguments(self, parser):
        parser.add_argument("url")
        parser.add_argument("--requests", type=int, default=20)
        parser.add_argument("--html", default="", help="Write pyinstrument's HTML report here")
        parser.add_argument("--interval", type=float, default=0.0002)
        parser.add_argument("--flat", action="store_true", help="Functions by their own time")

    def handle(self, *args, **options):
        try:
            from pyinstrument import Profiler
        except ImportError as error:  # a production install has no dev dependencies
            raise CommandError("pyinstrument is missing: uv sync (with the dev group)") from error
        client = Client()
        with override_settings(PORTAL_PAGE_CACHE_SECONDS=0):
            for _ in range(3):
                response = client.get(options["url"])
                if response.status_code != 200:
                    raise CommandError(f"{options['url']} answered {response.status_code}")
            profiler = Profiler(interval=options["interval"])
            with profiler:
                for _ in range(options["requests"]):
                    client.get(options["url"])
        if options["html"]:
            with open(options["html"], "w") as handle:
                handle.write(profiler.output_html())
            self.stdout.write(f"wrote {options['html']}")
        else:
            from pyinstrument.renderers import ConsoleRenderer

            renderer = ConsoleRenderer(
                unicode=True, color=False, flat=options["flat"], time="percent_of_total"
            )
            self.stdout.write(profiler.output(renderer))
