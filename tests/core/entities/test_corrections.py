"""The user's corrections: the file beside the index, and how the name book applies them in order."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

from searchapp.core.entities import Change, Corrections, NameBook
from searchapp.core.entities.aliases import AliasTable
from searchapp.core.entities.corrections import CorrectionsError

PEOPLE = {"Tony Blair": 9, "Blair": 4, "Cherie Blair": 2, "Ian Blair": 1, "Election": 3, "Ford": 2}
ORGS = {"Tories": 5, "Conservative Party": 2, "FINAL": 1, "Ford Motor Company": 4}


def book(*changes: Change) -> NameBook:
    return NameBook(PEOPLE, ORGS, AliasTable(), changes)


def test_changes_are_kept_in_order_and_undo_drops_the_last(tmp_path) -> None:
    store = Corrections(tmp_path)
    assert store.load() == () and store.stamp() is None and store.undo() is None
    first = Change.new("merge", ["Blair"], to="Tony Blair")
    second = Change.new("hide", ["Election"])
    store.add(first)
    store.add(second)
    assert store.load() == (first, second)
    assert store.undo() == second
    assert store.load() == (first,)
    data = json.loads((tmp_path / "entities.json").read_text(encoding="utf-8"))
    assert data["format"] == "searchapp-entity-corrections" and data["version"] == 1
    assert not list(tmp_path.glob("*.tmp"))  # written through a temporary file


def test_any_change_can_be_removed(tmp_path) -> None:
    store = Corrections(tmp_path)
    changes = [Change.new("hide", [name]) for name in ("A", "B", "C")]
    for change in changes:
        store.add(change)
    assert store.remove(1) == changes[1]
    assert store.load() == (changes[0], changes[2])
    with pytest.raises(CorrectionsError, match="no change number 9"):
        store.remove(8)


def test_a_damaged_file_is_reported_and_never_overwritten(tmp_path) -> None:
    path = tmp_path / "entities.json"
    path.write_text('{"format": "searchapp-entity-corrections", "changes": [{"op"', encoding="utf-8")
    store = Corrections(tmp_path)
    with pytest.raises(CorrectionsError, match="damaged"):
        store.load()
    with pytest.raises(CorrectionsError, match="damaged"):
        store.add(Change.new("hide", ["X"]))
    assert path.read_text(encoding="utf-8").endswith('{"op"')


def test_changes_a_newer_version_added_are_skipped_not_fatal(tmp_path) -> None:
    (tmp_path / "entities.json").write_text(json.dumps({
        "format": "searchapp-entity-corrections", "version": 7,
        "changes": [{"op": "teleport", "names": ["X"]}, {"op": "hide", "names": ["Election"]}]}), encoding="utf-8")
    assert Corrections(tmp_path).load() == (Change("hide", ("Election",)),)


@pytest.mark.skipif(os.name != "posix", reason="permission bits are a POSIX matter")
def test_an_unwritable_folder_says_why(tmp_path) -> None:
    """Run as a process that obeys permission bits: root without its override (setpriv) when the
    tests run as root."""
    prefix: list[str] = []
    if os.geteuid() == 0:
        if not shutil.which("setpriv"):
            pytest.skip("running as root, and setpriv (util-linux) is not there to drop root's override")
        prefix = ["setpriv", "--bounding-set", "-dac_override,-dac_read_search"]
    code = (
        "import sys\n"
        "from searchapp.core.entities import Change, Corrections\n"
        "from searchapp.core.entities.corrections import CorrectionsError\n"
        "try:\n    Corrections(sys.argv[1]).add(Change.new('hide', ['X']))\n"
        "except CorrectionsError as error:\n    print(error)\n"
    )
    os.chmod(tmp_path, 0o555)
    try:
        done = subprocess.run([*prefix, sys.executable, "-c", code, str(tmp_path)],
                              capture_output=True, text=True, check=True)
    finally:
        os.chmod(tmp_path, 0o755)
    assert "Cannot save the name corrections" in done.stdout
    assert not (tmp_path / "entities.json").exists()


def test_merge_and_rename_move_every_form_and_keep_the_old_name_as_an_alias() -> None:
    merged = book(Change("merge", ("Blair",), to="Tony Blair"))
    assert merged.resolve("Blair", "person") == ("Tony Blair", "person")
    renamed = book(Change("merge", ("Tories",), to="Conservative Party"),
                   Change("rename", ("Conservative Party",), to="Conservative and Unionist Party"))
    assert renamed.resolve("Tories", "org") == ("Conservative and Unionist Party", "org")
    assert {"Tories", "Conservative Party"} <= set(renamed.info("Conservative and Unionist Party").aliases)
    assert renamed.find("conservative party") == "Conservative and Unionist Party"


def test_a_later_change_sees_the_names_earlier_ones_made() -> None:
    later = book(Change("rename", ("Blair",), to="Mr Blair"), Change("merge", ("Mr Blair",), to="Tony Blair"))
    assert later.resolve("Blair", "person") == ("Tony Blair", "person")
    # a change whose names the collection no longer has does nothing
    assert book(Change("hide", ("Nobody",))).resolve("Election", "person") == ("Election", "person")


def test_retype_moves_a_name_between_people_and_organisations() -> None:
    retyped = book(Change("retype", ("Ford",), type="org"), Change("merge", ("Ford",), to="Ford Motor Company"))
    speakers, people, orgs = retyped.document(["Tony Blair", "Ford"], [], ["Ford"])
    assert people == ("Tony Blair",) and orgs == ("Ford Motor Company",) and speakers == ("Ford Motor Company",)


def test_hide_leaves_a_name_out_everywhere_and_undo_brings_it_back() -> None:
    hidden = book(Change("hide", ("Election", "FINAL")))
    assert hidden.document(["Election", "Tony Blair"], ["FINAL"], ["Election"]) == ((), ("Tony Blair",), ())
    assert hidden.info("Election").hidden
    assert book().document(["Election"], [], []) == ((), ("Election",), ())


def test_split_changes_one_article_only() -> None:
    split = book(Change("split", ("Tony Blair",), to="Cherie Blair", path="/news/7.txt"))
    assert split.resolve("Tony Blair", "person", "/news/7.txt") == ("Cherie Blair", "person")
    assert split.resolve("Tony Blair", "person", "/news/8.txt") == ("Tony Blair", "person")
    assert split.document(["Tony Blair"], [], ["Tony Blair"], "/news/7.txt") == (
        ("Cherie Blair",), ("Cherie Blair",), ())


def test_a_change_needs_what_it_changes() -> None:
    with pytest.raises(ValueError, match="needs the name to give"):
        Change("merge", ("A",))
    with pytest.raises(ValueError, match="person or org"):
        Change("retype", ("A",), type="place")
    with pytest.raises(ValueError, match="unknown change"):
        Change("delete", ("A",))


@pytest.mark.parametrize("changes", [(), (Change.new("merge", ["Blair"], to="Tony Blair"), Change.new("hide", ["Ford"])),
                                     (Change.new("rename", ["Tories"], to="The Tories"),)])
def test_the_names_known_by_other_forms_are_those_described_with_aliases(changes) -> None:
    from searchapp.core.entities import load_aliases

    for table in (AliasTable(), load_aliases(None)):
        named = NameBook(PEOPLE, ORGS, table, changes)
        described = [info.name for info in named.entities() if info.aliases and not info.hidden]
        assert sorted(named.names_with_aliases()) == sorted(described)
