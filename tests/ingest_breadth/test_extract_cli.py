"""`storylens extract` end to end: records, formats, output file, exit codes, bad inputs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from breadth_helpers import WARC, LocalServer, article_page, needs_warc_sample, write

from storylens.cli import main
from storylens.ingest.extract import FIELDS, extract_records


def cli(argv: list[str]) -> int:
    """Run the CLI in-process and return its exit code (a failed batch exits through SystemExit)."""
    try:
        return main(argv)
    except SystemExit as exc:
        return int(exc.code or 0)


TEXT = ("Rescue teams reached the flooded village on Friday morning and evacuated more than two hundred "
        "residents, officials said, as the river kept rising after three days of heavy rain.")


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("inputs")
    write(d, "flood.html", article_page("Village evacuated", [TEXT, TEXT.replace("Friday", "Saturday")]))
    write(d, "reprint.html", article_page("Village evacuated (wire)", [TEXT, TEXT.replace("Friday", "Saturday")]))
    write(d, "notes.txt", "Les équipes de secours ont atteint le village inondé vendredi matin et ont évacué "
                          "plus de deux cents habitants, selon les autorités.\n")
    return d


def test_records_have_every_field(inputs: Path) -> None:
    recs = extract_records([inputs])
    assert [tuple(r) for r in recs] == [FIELDS] * 3
    by_id = {r["id"]: r for r in recs}
    assert by_id["flood"]["title"] == "Village evacuated" and by_id["flood"]["language"] == "en"
    assert by_id["notes"]["language"] == "fr"
    assert by_id["reprint"]["duplicate_of"] == "flood" and by_id["flood"]["duplicate_of"] is None
    assert all(r["error"] is None for r in recs)


@needs_warc_sample
def test_bad_inputs_each_get_an_error_and_the_batch_goes_on(tmp_path: Path, inputs: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    bad = [
        write(tmp_path, "image.html", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20),
        write(tmp_path, "cut.warc.gz", WARC.read_bytes()[:150_000]),
        write(tmp_path, "broken.rss", "<rss><channel><item>no closing"),
        write(tmp_path, "empty.html", "<html><body><nav><a href='/'>Home</a></nav></body></html>"),
        write(tmp_path, "huge.html", "<html><body><p>" + "blob " * 2_000_000 + "</p></body></html>"),
        tmp_path / "missing.txt",
    ]
    code = cli(["extract", str(inputs / "flood.html"), *map(str, bad)])
    out, err = capsys.readouterr()
    recs = [json.loads(line) for line in out.splitlines()]
    assert code == 1
    assert "Traceback" not in err and "Traceback" not in out
    assert recs[0]["id"] == "flood" and recs[0]["error"] is None
    errors = [r["error"] for r in recs if r["error"]]
    assert len(errors) == len(bad)
    for path in bad:
        assert any(str(path) in e for e in errors), path
    assert any("PNG image" in e for e in errors)
    assert any("truncated" in e for e in errors)
    assert any("too large" in e for e in errors)
    # the truncated archive still gave the pages before the cut
    assert sum(1 for r in recs if r["error"] is None) > 1


def test_exit_code_zero_and_formats(inputs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out_file = tmp_path / "out.json"
    assert cli(["extract", str(inputs), "--format", "json", "--output", str(out_file)]) == 0
    data = json.loads(out_file.read_text())
    assert len(data) == 3 and data[0]["text"]
    assert cli(["extract", str(inputs / "flood.html"), "--format", "md"]) == 0
    md = capsys.readouterr().out
    assert md.startswith("## Village evacuated") and "Rescue teams" in md


def test_url_inputs_need_allow_private_on_loopback(server: LocalServer, capsys: pytest.CaptureFixture[str]) -> None:
    url = server.serve("/flood", article_page("Village evacuated", [TEXT, TEXT]))
    assert cli(["extract", url]) == 1
    refused = json.loads(capsys.readouterr().out)
    assert refused["url"] == url and "non-public" in refused["error"]
    assert cli(["extract", url, "--allow-private"]) == 0
    rec = json.loads(capsys.readouterr().out)
    assert rec["url"] == url and "Rescue teams" in rec["text"]
