"""The page shown while sign-in is locked after repeated wrong passwords (django-axes)."""

from axes.helpers import get_cool_off

from core.throttling import refuse


def locked_out(request, response, credentials):
    """AXES_LOCKOUT_CALLABLE. Every attempt while locked out starts the cool-off again (Axes'
    AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT), so it runs from now."""
    return refuse(request, "accounts/locked_out.html", get_cool_off(request))
