"""Each person's digest preference, made when they first follow something."""

from .models import DigestPreference


def follow_saved(sender, instance, created, raw=False, **kwargs):
    """The first digest of someone who starts following covers what is new from then."""
    if created and not raw:
        DigestPreference.objects.get_or_create(person_id=instance.person_id)


def preference_for(person):
    preference, _created = DigestPreference.objects.get_or_create(person=person)
    return preference
