from django.apps import AppConfig


class DevtoolsConfig(AppConfig):
    """Development-only commands: benchmarks, the load test's server side, the profiler.

    Installed by the dev, test and bench settings; production only with ``KIM_DEVTOOLS=1``
    (``make loadtest``). The one package allowed to import every app (``make lint`` checks
    the layers, pyproject.toml ``[tool.importlinter]``).
    """

    name = "devtools"
    verbose_name = "Entwicklungswerkzeuge"
