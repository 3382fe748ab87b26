"""The CLI on good and bad input: one clear line and a non-zero exit for mistakes, never a traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "storylens", *args], check=False, capture_output=True, text=True, cwd=cwd,
                          timeout=600)


def assert_clean_error(proc: subprocess.CompletedProcess[str], *needles: str) -> None:
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr
    lines = [ln for ln in proc.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith("storylens: error:")
    for needle in needles:
        assert needle in lines[0], lines[0]


def test_missing_path(tmp_path):
    assert_clean_error(run("brief", str(tmp_path / "nope")), "nope")


def test_empty_folder(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    assert_clean_error(run("brief", str(empty)), "empty")


def test_empty_file(tmp_path):
    f = tmp_path / "blank.txt"
    f.write_text("")
    assert_clean_error(run("brief", str(f)), "blank.txt")


def test_binary_file(tmp_path):
    f = tmp_path / "picture.txt"
    f.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20)
    assert_clean_error(run("brief", str(f)), "picture.txt")


def test_undecodable_bytes(tmp_path):
    f = tmp_path / "mojibake.txt"
    f.write_bytes(b"\xff\xfe\xfa" * 10 + b"\x00\x81\x8d" * 50)
    assert_clean_error(run("brief", str(f)), "mojibake.txt")


def test_unknown_extension_with_binary_content(tmp_path):
    f = tmp_path / "data.xyz"
    f.write_bytes(bytes(range(256)) * 4)
    assert_clean_error(run("brief", str(f)), "data.xyz")


def test_huge_text_file_fails_fast(tmp_path):
    f = tmp_path / "huge.txt"
    line = ("The council met on Tuesday and approved the budget of 12 million dollars. " * 20 + "\n").encode()
    with open(f, "wb") as fh:
        fh.writelines(line for _ in range(100 * 2**20 // len(line) + 1))
    assert f.stat().st_size >= 100 * 2**20
    assert_clean_error(run("brief", str(f)), "huge.txt")


def test_unwritable_output(tmp_path, corpus_dir):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")  # even root cannot create a folder inside a file
    proc = run("brief", str(corpus_dir / "000_ca5cd369038722f6.txt"), "-o", str(blocker / "b.md"))
    assert_clean_error(proc, "b.md")


@pytest.mark.slow
def test_lone_source_gives_a_brief_with_a_notice(tmp_path, corpus_dir):
    proc = run("brief", str(corpus_dir / "003_41c96f6cc6ffc4e6.txt"), "--format", "json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["story"]["n_sources"] == 1
    assert any("nothing can be compared" in n for n in data["notices"])
    assert data["conflicts"] == []
    assert all(c["status"] == "single_source" for c in data["claims"])


@pytest.mark.slow
def test_writes_several_formats_at_once(tmp_path, corpus_dir):
    out = tmp_path / "out"
    proc = run("brief", str(corpus_dir), "-o", str(out / "b.md"), "-o", str(out / "b.json"), "-o", str(out / "b.html"))
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""  # progress goes to a terminal only
    assert (out / "b.md").read_text().startswith("# ")
    assert json.loads((out / "b.json").read_text())["schema"] == "storylens.brief/1"
    assert "<html" in (out / "b.html").read_text().lower()
    # written through a private temporary file, the brief still gets the mode a plain write gives (it was 0600)
    umask = os.umask(0)
    os.umask(umask)
    assert (out / "b.md").stat().st_mode & 0o777 == 0o666 & ~umask
    (out / "b.json").chmod(0o640)  # an existing file keeps its mode
    again = run("brief", str(corpus_dir), "-o", str(out / "b.json"))
    assert again.returncode == 0 and (out / "b.json").stat().st_mode & 0o777 == 0o640


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (("brief", "--bogus"), "No such option: --bogus"),
        (("brief", "x", "--format", "markdown"), "'markdown' is not one of"),
        (("stories", "--format", "xml"), "'xml' is not one of"),
        (("nosuchcommand",), "No such command 'nosuchcommand'"),
    ],
)
def test_usage_errors_are_a_message_not_a_traceback(args, needle):
    # Typer vendors Click, so its usage errors are not click.ClickException: they escaped as tracebacks.
    proc = run(*args)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert needle in proc.stderr
    assert "--help" in proc.stderr


def test_since_without_story_is_refused(tmp_path, corpus_dir):
    # --since used to be ignored silently: a fresh brief came out instead of what changed.
    assert_clean_error(run("brief", str(corpus_dir), "--since", "1"), "--since needs --story")


def test_paths_and_story_together_are_refused(tmp_path, corpus_dir):
    # The paths used to be ignored silently in favour of the stored story.
    proc = run("brief", str(corpus_dir), "--story", "s1", "--db", str(tmp_path / "s.db"))
    assert_clean_error(proc, "not both")


def test_output_extension_that_is_no_format_is_refused(tmp_path, corpus_dir):
    # Markdown used to be written into brief.pdf without a word.
    proc = run("brief", str(corpus_dir), "-o", str(tmp_path / "brief.pdf"))
    assert_clean_error(proc, "brief.pdf", "--format")
    assert not (tmp_path / "brief.pdf").exists()


def test_other_url_scheme_is_named(tmp_path):
    assert_clean_error(run("brief", "ftp://news.example/a.html"), "ftp://news.example/a.html", "only http")


def test_ingest_of_one_unreadable_input_says_it_once(tmp_path):
    junk = tmp_path / "junk.bin"
    junk.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    # It printed "skipped junk.bin: ..." and then the same problem again as the error.
    assert_clean_error(run("ingest", str(junk), "--db", str(tmp_path / "s.db")), "junk.bin", "PNG image")


def test_ingest_of_several_unreadable_inputs_lists_each_once(tmp_path):
    junk = tmp_path / "junk.bin"
    junk.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    proc = run("ingest", str(junk), str(empty), "--db", str(tmp_path / "s.db"))
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    lines = proc.stderr.splitlines()
    assert len(lines) == 3, proc.stderr
    assert lines[0].startswith("storylens: skipped") and "junk.bin" in lines[0]
    assert lines[1].startswith("storylens: skipped") and "empty.txt" in lines[1]
    assert lines[2] == "storylens: error: nothing could be read (2 inputs skipped, see above)"


def test_cluster_needs_a_worker(tmp_path):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text('{"id": "a", "text": "The council met on Monday."}\n')
    assert_clean_error(run("cluster", str(corpus), "--workers", "0", "--out", str(tmp_path / "o")), "--workers 0")


def test_serve_on_a_busy_port_fails_before_building_briefs(tmp_path, corpus_dir):
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        # It built every brief first, printed "serving on ...", then uvicorn's own error and exit code 3.
        proc = run("serve", str(corpus_dir), "--port", str(port))
    assert_clean_error(proc, f"127.0.0.1:{port}", "in use")


def test_cluster_of_nothing_readable_is_an_error(tmp_path):
    pytest.importorskip("pyarrow")
    junk = tmp_path / "junk.jsonl"
    junk.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    # It wrote two empty Parquet files and said "0 articles in 0 stories", exit code 0.
    proc = run("cluster", str(junk), "--out", str(tmp_path / "out"))
    assert_clean_error(proc, "junk.jsonl", "PNG image")
    assert not (tmp_path / "out").exists()
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"id": "a", "text": "The council met."}\n{"id": "b", "text": oops}\n')
    assert_clean_error(run("cluster", str(broken), "--out", str(tmp_path / "out")), "broken.jsonl", "line 2")


def test_brief_of_no_english_source_is_an_error(tmp_path):
    folder = tmp_path / "abroad"
    folder.mkdir()
    (folder / "a.txt").write_text("Der Zug von Kim Jong-un ist am Dienstag in Russland angekommen. Er traf Präsident "
                                  "Wladimir Putin in Wladiwostok. Die Reise dauerte zwei Tage.\n")
    (folder / "b.txt").write_text("Le train de Kim Jong-un est arrivé mardi en Russie. Il a rencontré le président "
                                  "Vladimir Poutine à Vladivostok après un voyage de deux jours.\n")
    # It gave an empty brief, exit 0, whose notice said "only one source could be analysed".
    assert_clean_error(run("brief", str(folder)), "abroad", "no source in English", "a (de)", "b (fr)")


def _help_examples() -> list[list[str]]:
    import shlex

    from storylens.cli import _register, app

    _register()
    out = []
    for command in app.registered_commands:
        doc = command.callback.__doc__ or ""
        out += [shlex.split(line.strip())[1:] for line in doc.splitlines() if line.strip().startswith("storylens ")]
    return out


def test_help_examples_parse_and_name_real_paths():
    # The examples in each command's --help must work as printed (from a checkout: examples/ is the demo).
    from typer.main import get_command

    from storylens.cli import app

    examples = _help_examples()
    assert len(examples) >= 6
    root = Path(__file__).resolve().parent.parent
    group = get_command(app)
    for args in examples:
        ctx = group.make_context("storylens", list(args), resilient_parsing=False)
        name, sub, rest = group.resolve_command(ctx, list(args))
        sub.make_context(name, rest)  # raises on an unknown option or a bad value
        for arg in rest:
            if arg.startswith("examples/"):
                assert (root / arg).exists(), (args, arg)


@pytest.mark.slow
def test_ingest_twice_changes_nothing_and_counts_read_well(tmp_path, corpus_dir):
    db = str(tmp_path / "s.db")
    first = run("ingest", str(corpus_dir), "--db", db, "--briefs")
    assert first.returncode == 0, first.stderr
    # was "1 new stories", "1 briefs"; the five are all the store holds, so the store is re-sorted after them
    assert first.stderr.strip().endswith("5 added, 0 already known, 1 new story, re-sorted: 0 moved; 5 articles in "
                                         f"1 story in {db}; 1 brief updated")
    again = run("ingest", str(corpus_dir), "--db", db)
    assert again.returncode == 0, again.stderr
    assert "0 added, 5 already known, 0 new stories; 5 articles in 1 story" in again.stderr


def test_output_dash_is_stdout(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("The council met on Monday. It approved the budget of 12 million dollars.\n")
    # `-o -` used to write a file named "-" in the working folder.
    proc = run("extract", str(article), "-o", "-", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["text"].startswith("The council met on Monday.")
    assert not (tmp_path / "-").exists()


@pytest.mark.slow
def test_readme_python_example_runs_as_printed(tmp_path):
    import re

    root = Path(__file__).resolve().parent.parent
    (code,) = re.findall(r"```python\n(.*?)```", (root / "README.md").read_text(), re.DOTALL)
    (tmp_path / "examples").symlink_to(root / "examples")
    (tmp_path / "example.py").write_text(code)
    proc = subprocess.run([sys.executable, "example.py"], check=False, cwd=tmp_path, capture_output=True, text=True,
                          timeout=600)
    assert proc.returncode == 0, proc.stderr  # its span check once indexed the list of sources by id
    assert proc.stdout.strip()  # the demo's conflicts, one a line
    assert "<html" in (tmp_path / "brief.html").read_text(encoding="utf-8").lower()


def test_version():
    import storylens

    proc = run("--version")  # was "No such option: --version"
    assert (proc.returncode, proc.stdout, proc.stderr) == (0, f"storylens {storylens.__version__}\n", "")


@pytest.mark.parametrize("command", [(), ("brief",), ("extract",), ("ingest",), ("recluster",), ("check",)])
def test_help_shows_no_value_for_on_off_options(command):
    import re

    proc = run(*command, "--help")
    assert proc.returncode == 0
    # "--briefs <bool>" reads as if it took a value: "--briefs true" then became an input path.
    shown = re.findall(r"(--[a-z-]+)\s+(?:-\w\s+)?<bool>", proc.stdout)
    assert set(shown) <= {"--help"}, shown


def test_story_titles_cut_for_the_table_say_so():
    from storylens.cli.stories import cut

    title = "The heavily armored train carrying North Korean leader Kim Jong-un arrived in Russia on Tuesday"
    assert cut(title, 70) == "The heavily armored train carrying North Korean leader Kim Jong-un ar…"  # was "...arr"
    assert len(cut(title, 70)) == 70 and cut("Short title", 70) == "Short title"


def test_stories_table_prints_headlines_as_text(tmp_path, monkeypatch, capsys):
    from storylens.cli import main
    from storylens.store import StoryStore

    db = tmp_path / "s.db"
    StoryStore(db).close()
    title = "Budget [/] vote [bold red]passes[/bold red]"
    record = {"story_id": "s1", "title": title, "first_seen": "2024-05-01", "last_seen": "2024-05-02",
              "n_sources": 2, "n_independent": 2, "n_conflicts": 0, "brief_version": None, "stale": True}
    monkeypatch.setattr(StoryStore, "list_stories", lambda self: [record])
    # Rich read the headline as markup: "[/]" raised MarkupError (a traceback), "[bold red]" vanished.
    assert main(["stories", "--db", str(db)]) == 0
    assert title in capsys.readouterr().out


def test_ingest_store_failure_still_lists_what_was_skipped(tmp_path, monkeypatch, capsys):
    from storylens.cli import main
    from storylens.errors import InputError, StoreError

    def failing(store, inputs, progress=None, problem=None, allow_private=False):  # one skipped, then disk full
        problem(InputError("junk.bin", "not a text file"))
        raise StoreError("disk full")

    monkeypatch.setattr("storylens.store.ingest_paths", failing)
    assert main(["ingest", "junk.bin", "--db", str(tmp_path / "s.db")]) == 2
    assert capsys.readouterr().err.splitlines() == ["storylens: skipped junk.bin: not a text file",
                                                     "storylens: error: disk full"]


def test_cluster_checks_its_database_before_the_work(tmp_path):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text('{"id": "a", "text": "The council met on Monday."}\n')
    foreign = tmp_path / "notes.db"
    foreign.write_text("my notes, not a database\n")
    # It clustered the whole corpus and wrote the Parquet files first, then failed on the database.
    proc = run("cluster", str(corpus), "--out", str(tmp_path / "out"), "--db", str(foreign))
    assert_clean_error(proc, "notes.db", "not a SQLite file")
    assert not (tmp_path / "out").exists()


def test_cluster_out_that_is_a_file_fails_before_the_work(tmp_path):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text('{"id": "a", "text": "The council met on Monday."}\n')
    taken = tmp_path / "clusters.parquet"
    taken.write_text("an older result\n")
    # It clustered everything, then said "cannot create the output folder: File exists".
    assert_clean_error(run("cluster", str(corpus), "--out", str(taken)), "clusters.parquet", "is a file")
    assert taken.read_text() == "an older result\n"


def test_extract_checks_its_output_before_reading(tmp_path, monkeypatch):
    from storylens.cli import main
    from storylens.ingest import extract

    read = []
    monkeypatch.setattr(extract, "extract_records", lambda inputs, allow_private=False: read.append(inputs) or [])
    (tmp_path / "out").mkdir()
    # It read every input first, then failed to write.
    assert main(["extract", "x.warc.gz", "-o", str(tmp_path / "out")]) == 2
    assert read == []


def test_ctrl_c_says_aborted(tmp_path, monkeypatch, capsys):
    import storylens
    from storylens.cli import main

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(storylens, "brief", interrupted)
    # Typer turned Ctrl-C into a silent exit 130: the user could not tell it from a crash.
    assert main(["brief", str(tmp_path)]) == 130
    assert capsys.readouterr().err == "storylens: error: aborted\n"


def test_ingest_allow_private_reads_a_loopback_feed(tmp_path):
    # ingest refused loopback URLs with "use --allow-private", and then had no such option.
    import threading
    from functools import partial
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    site = tmp_path / "site"
    site.mkdir()
    (site / "a.html").write_text("<html><head><title>Bridge reopens</title></head><body><article>"
                                 + "<p>The city reopened the Elm Street bridge on Monday after two years of repairs, "
                                   "officials said, and traffic returned to normal by the evening.</p>" * 3
                                 + "</article></body></html>")

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), partial(Quiet, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{httpd.server_address[1]}/a.html"
        db = str(tmp_path / "u.db")
        assert_clean_error(run("ingest", url, "--db", db), "127.0.0.1", "--allow-private")
        proc = run("ingest", url, "--db", db, "--allow-private")
        assert proc.returncode == 0, proc.stderr
        assert "1 added" in proc.stderr
    finally:
        httpd.shutdown()
