"""Migration 0004 moves partner councils into one ordered relation, and back, keeping the
live pages' partners and those in their stored revisions."""

from django.db import connection
from django.db.migrations.executor import MigrationExecutor

import pytest

from casestudies.factories import CaseStudyPageFactory, ProjectPageFactory
from casestudies.models import CaseStudyPage, Partnership, ProjectPage
from councils.factories import CouncilFactory

BEFORE = ("casestudies", "0003_progress_update_review")
AFTER = ("casestudies", "0004_partnerships")


def migrate(target):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate([target])
    return executor.loader.project_state([target]).apps


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_partners_survive_the_migration_both_ways():
    first, second, third = CouncilFactory.create_batch(3)
    case_study = CaseStudyPageFactory(partner_councils=[second, first])
    project = ProjectPageFactory(partner_councils=[third])
    alone = ProjectPageFactory()
    draft = case_study.get_latest_revision_as_object()
    draft.add_partner(third)
    draft.save_revision()

    old = migrate(BEFORE)
    try:
        through = old.get_model("casestudies", "CaseStudyPage").partner_councils.through
        assert sorted(through.objects.values_list("council_id", flat=True)) == sorted(
            [first.pk, second.pk]
        )
        project_through = old.get_model("casestudies", "ProjectPage").partner_councils.through
        assert list(project_through.objects.values_list("council_id", flat=True)) == [third.pk]
        revision = (
            old.get_model("wagtailcore", "Revision")
            .objects.filter(object_id=str(case_study.pk))
            .latest("pk")
        )
        assert revision.content["partner_councils"] == [second.pk, first.pk, third.pk]
        assert "partners" not in revision.content
    finally:
        migrate(AFTER)

    case_study = CaseStudyPage.objects.get(pk=case_study.pk)
    assert set(case_study.partner_councils()) == {first, second}
    assert ProjectPage.objects.get(pk=project.pk).partner_councils() == [third]
    assert ProjectPage.objects.get(pk=alone.pk).partner_councils() == []
    assert Partnership.objects.count() == 3
    assert case_study.get_latest_revision_as_object().partner_councils() == [second, first, third]
    case_study.get_latest_revision().publish()
    assert CaseStudyPage.objects.get(pk=case_study.pk).partner_councils() == [
        second,
        first,
        third,
    ]
