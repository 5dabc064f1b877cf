"""Login throttling (django-axes) for the member login and the Wagtail admin alike."""

from axes.backends import AxesStandaloneBackend


class ThrottlingBackend(AxesStandaloneBackend):
    """Axes' lockout check for every login that comes in over HTTP.

    ``authenticate()`` without a request only happens in code (management commands, the
    test client's ``login()``), where there is nobody to throttle; Axes itself would raise.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
