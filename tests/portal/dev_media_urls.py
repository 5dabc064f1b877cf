"""The project's URLs as development (DEBUG) serves them, for tests/portal/test_hardening.py."""

from portal.urls import development_media_patterns
from portal.urls import urlpatterns as project_urlpatterns

urlpatterns = development_media_patterns() + list(project_urlpatterns)
handler500 = "portal.views.server_error"
