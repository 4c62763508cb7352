import pytest

from councils.factories import CouncilFactory
from councils.peers import peer_councils


@pytest.mark.django_db
def test_closest_councils_by_profile_with_reasons(django_assert_max_num_queries):
    me = CouncilFactory(
        short_name="Midford",
        population=100_000,
        area_km2=500,
        deprivation_quintile=3,
        rurality="Urban with significant rural",
    )
    twin = CouncilFactory(
        short_name="Twinford",
        population=105_000,
        area_km2=520,
        deprivation_quintile=3,
        rurality="Urban with significant rural",
    )
    CouncilFactory(short_name="Bigcity", unitary=True, population=1_100_000, area_km2=260)
    CouncilFactory(
        short_name="Glenshire", nation="Scotland", unitary=True, population=90_000, area_km2=6_000
    )
    CouncilFactory(short_name="Gone", former=True, population=100_000, area_km2=500)
    # Two for the profiles, six for what the councils did together (search.matching.evidence).
    with django_assert_max_num_queries(8):
        peers = peer_councils(me, limit=3)
    names = [peer.council.short_name for peer in peers]
    assert names[0] == "Twinford"
    assert "Gone" not in names and "Midford" not in names
    reason = peers[0].reason
    assert "also a non-metropolitan district" in reason.lower()
    assert "similar population" in reason and "same deprivation quintile" in reason
    assert twin.pk == peers[0].council.pk


@pytest.mark.django_db
def test_council_with_missing_figures_still_gets_peers():
    me = CouncilFactory(population=None, area_km2=None)
    CouncilFactory()
    assert len(peer_councils(me)) == 1
