"""Login throttling (django-axes) for the member login and the Wagtail admin alike."""

from axes.backends import AxesStandaloneBackend

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend

UserModel = get_user_model()


class ThrottlingBackend(AxesStandaloneBackend):
    """Axes' lockout check for every login that comes in over HTTP.

    ``authenticate()`` without a request only happens in code (management commands, the
    test client's ``login()``), where there is nobody to throttle; Axes itself would raise.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


class GroupsPrefetchingBackend(ModelBackend):
    """Django's model backend, loading the user's groups with the user.

    Every page served to a member asks for the member's groups (Wagtail's view-restriction
    check, the privacy helper, workspace roles); with the groups prefetched here all of them
    read the same list, one query per request instead of one per question.
    """

    def get_user(self, user_id):
        user = UserModel._default_manager.prefetch_related("groups").filter(pk=user_id).first()
        return user if user is not None and self.user_can_authenticate(user) else None
