"""`storylens serve`: loopback by default, clear one-line errors for bad arguments."""

from __future__ import annotations

import pytest

from storylens.cli import main, serve


@pytest.fixture()
def captured(monkeypatch):  # type: ignore[no-untyped-def]
    """Stop short of listening: record what uvicorn would have been asked to serve."""
    import uvicorn

    from storylens.web.library import FolderLibrary

    calls: list[dict] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append({"app": app, **kw}))
    monkeypatch.setattr(FolderLibrary, "warm", lambda self, progress=None: None)
    monkeypatch.setattr(serve, "_check_listen", lambda host, port: None)  # port 8000 may be taken here
    return calls


def test_serve_says_which_story_has_no_brief(captured, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "blank.txt").write_text("")
    assert main(["serve", str(tmp_path / "blank.txt")]) == 0
    # The reason was only on the page, found once someone looked.
    assert "storylens: warning: no brief for story blank-txt: " in capsys.readouterr().err


def test_serve_binds_loopback_by_default(captured, tmp_path) -> None:  # type: ignore[no-untyped-def]
    assert main(["serve", str(tmp_path)]) == 0
    assert captured[0]["host"] == "127.0.0.1" and captured[0]["port"] == 8000
    assert set(captured[0]["app"].openapi()["paths"]) == {"/api/stories", "/api/stories/{story_id}/brief"}


def test_serve_elsewhere_warns(captured, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["serve", str(tmp_path), "--host", "0.0.0.0", "--port", "9000"]) == 0
    assert captured[0]["host"] == "0.0.0.0" and "warning" in capsys.readouterr().err


@pytest.mark.parametrize("argv,message", [
    (["serve"], "give at least one folder"),
    (["serve", "/no/such/folder"], "no such file or folder"),
    (["serve", ".", "--port", "0"], "not a port number"),
])
def test_serve_bad_arguments_fail_in_one_line(captured, capsys, argv, message) -> None:  # type: ignore[no-untyped-def]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1 and not captured


def test_serve_db_says_which_inputs_were_skipped(captured, tmp_path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from storylens.errors import InputError

    def ingest(store, inputs, progress=None, problem=None):  # type: ignore[no-untyped-def]
        problem(InputError(str(tmp_path / "junk.bin"), "not a text file"))

    monkeypatch.setattr("storylens.store.ingest_paths", ingest)
    assert main(["serve", "--db", str(tmp_path / "s.db"), str(tmp_path)]) == 0
    # Inputs the store could not read were dropped without a word.
    assert f"storylens: skipped {tmp_path / 'junk.bin'}: not a text file" in capsys.readouterr().err


def test_serve_db_with_nothing_readable_says_it_once(captured, tmp_path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from storylens.errors import InputError

    def ingest(store, inputs, progress=None, problem=None):  # type: ignore[no-untyped-def]
        bad = InputError(str(tmp_path / "junk.bin"), "not a text file")
        problem(bad)
        raise bad  # nothing at all could be read

    monkeypatch.setattr("storylens.store.ingest_paths", ingest)
    assert main(["serve", "--db", str(tmp_path / "s.db"), str(tmp_path)]) == 2
    assert capsys.readouterr().err.splitlines() == [f"storylens: error: {tmp_path / 'junk.bin'}: not a text file"]
