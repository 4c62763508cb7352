"""`manage.py import_councils` against the real register: a full load, a second run, changes."""

from councils.models import Council

from .register_files import register_rows, run_import, snapshot, with_value, write_rows


def test_real_register_loads_every_council(loaded_register, db):
    output = loaded_register

    assert "470 created, 0 updated, 0 unchanged" in output
    assert Council.objects.count() == 470
    current = Council.objects.current()
    assert current.count() == 397
    assert {
        nation: current.filter(nation=nation).count()
        for nation in ("England", "Scotland", "Wales", "Northern Ireland")
    } == {"England": 332, "Scotland": 32, "Wales": 22, "Northern Ireland": 11}


def test_links_and_profiles_are_resolved(loaded_register, db):
    maidstone = Council.objects.get(code="MAI")
    assert maidstone.county.short_name == "Kent"
    assert maidstone in Council.objects.get(code="KEN").districts.all()
    york = Council.objects.get(code="YOR")
    assert york.combined_authority.code == "YNYC"
    assert york.slug == "york"

    armagh = Council.objects.get(code="ABC")
    assert armagh.deprivation_quintile == 1
    assert armagh.rurality == "Sparse and rural"
    assert armagh.emissions_profile == "Agriculture"
    assert armagh.profile_label.startswith("Northern Ireland;")
    aberdeen = Council.objects.get(code="ABE")
    assert "city of aberdeen" in aberdeen.alt_name_list
    assert aberdeen.population == 229060


def test_second_run_changes_nothing(loaded_register, db):
    before = snapshot()

    output = run_import()

    assert "0 created, 0 updated, 470 unchanged" in output
    assert snapshot() == before


def test_changed_rows_are_updated_and_reported(loaded_register, db, tmp_path):
    rows = register_rows()
    maidstone_line = next(i for i, row in enumerate(rows, 1) if row[0] == "MAI")
    rows = with_value(rows, maidstone_line, "pop-2020", "180000.0")
    rows = with_value(rows, maidstone_line, "county-la", "")
    path = write_rows(tmp_path / "register.csv", rows)

    output = run_import(path)

    assert "0 created, 1 updated, 469 unchanged" in output
    maidstone = Council.objects.get(code="MAI")
    assert maidstone.population == 180000
    assert maidstone.county is None
    assert Council.objects.count() == 470


def test_a_link_change_alone_counts_as_an_update(loaded_register, db, tmp_path):
    rows = register_rows()
    york_line = next(i for i, row in enumerate(rows, 1) if row[0] == "YOR")
    path = write_rows(
        tmp_path / "register.csv", with_value(rows, york_line, "combined-authority", "")
    )

    output = run_import(path)

    assert "0 created, 1 updated, 469 unchanged" in output
    assert Council.objects.get(code="YOR").combined_authority is None


def test_skipping_profiles_leaves_them_alone(loaded_register, db):
    output = run_import(profiles="")

    assert "0 created, 0 updated, 470 unchanged" in output
    assert Council.objects.get(code="ABC").deprivation_quintile == 1


def test_directory_finds_real_councils_by_any_name(client, loaded_register, db):
    response = client.get("/councils/", {"q": "city of aberdeen"})
    assert [c.short_name for c in response.context["councils"]] == ["Aberdeen City"]

    response = client.get("/councils/")
    assert response.context["paginator"].count == 397
    response = client.get("/councils/", {"former": "1"})
    assert response.context["paginator"].count == 470
    response = client.get("/councils/", {"nation": "Northern Ireland"})
    assert response.context["paginator"].count == 11
