"""Bad input gives a one-line InputError naming the file; folders skip bad files and report them."""

from __future__ import annotations

import sys
import time
import types
from pathlib import Path

import pytest

from storylens import ingest
from storylens.errors import InputError, ParseError, UnsupportedFormat
from storylens.ingest import load_paths, read_file

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01"


def write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def error_for(paths: list[Path], **kw: object) -> InputError:
    with pytest.raises(InputError) as info:
        load_paths(paths, **kw)  # type: ignore[arg-type]
    message = str(info.value)
    assert "\n" not in message and "Traceback" not in message
    return info.value


def test_missing_path(tmp_path: Path) -> None:
    err = error_for([tmp_path / "nope.txt"])
    assert "nope.txt" in str(err) and "no such file" in str(err)


def test_no_input_and_empty_folder(tmp_path: Path) -> None:
    assert "no input" in str(error_for([]))
    (tmp_path / ".DS_Store").write_bytes(b"\x00\x01")
    err = error_for([tmp_path])
    assert str(tmp_path) in str(err) and "no files" in str(err)


@pytest.mark.parametrize(
    ("name", "data", "kind", "words"),
    [
        ("empty.txt", b"", InputError, "empty file"),
        ("blank.txt", b"  \n\n \t\n", InputError, "empty file"),
        ("photo.png", PNG, UnsupportedFormat, "PNG image"),
        ("photo.txt", PNG, UnsupportedFormat, "PNG image"),  # the extension does not fool the sniffer
        ("nul.txt", b"text\x00with\x00nul\x00bytes", UnsupportedFormat, "NUL bytes"),
        ("random.txt", bytes(range(128, 256)) * 4, ParseError, "cannot decode"),
        ("numbers.dat", b"1234 5678 ++ -- 42\n", UnsupportedFormat, "unrecognised content"),
        ("bad.jsonl", b'{"text": "ok"}\n\n{"text": broken}\n', ParseError, "line 3 is not valid JSON"),
        ("notext.jsonl", b'{"id": "x", "title": "no body"}\n{"text": ""}\n', ParseError,
         "none of its 2 records has a 'text' or 'html' field"),
        ("list.jsonl", b'{"text": "ok"}\n[1, 2]\n', ParseError, "line 2 is not a JSON object"),
        ("emptytext.jsonl", b'{"text": "   "}\n', ParseError, "its record has no 'text' or 'html'"),
    ],
)
def test_named_bad_file_is_an_error(tmp_path: Path, name: str, data: bytes, kind: type, words: str) -> None:
    f = write(tmp_path / name, data)
    err = error_for([f])
    assert isinstance(err, kind)
    assert str(f) in str(err) and err.path == str(f)
    assert words in str(err)


def test_jsonl_record_without_text_is_skipped_and_named(tmp_path: Path) -> None:
    # An export's paywalled page must not refuse the file's other articles.
    f = write(tmp_path / "some.jsonl", b'{"id": "a", "text": "Body one."}\n{"id": "x", "title": "no body"}\n'
                                       b'{"id": "b", "html": "<p>Body two.</p>"}\n')
    problems: list[InputError] = []
    arts = load_paths([f], problems=problems)
    assert [a.id for a in arts] == ["a", "b"]
    assert [str(p) for p in problems] == [f"{f}: line 2 has no 'text' or 'html' field with content"]


def test_huge_file_fails_fast_without_being_read(tmp_path: Path) -> None:
    big = tmp_path / "huge.txt"
    with big.open("wb") as fh:  # a sparse 100 MB file: text at the start, instant to make, never read
        fh.write(b"The bridge closed on Tuesday. " * 100)
        fh.truncate(100 * 2**20)
    t0 = time.perf_counter()
    err = error_for([big])
    assert time.perf_counter() - t0 < 1.0
    assert "too large" in str(err) and "100 MB" in str(err) and "50 MB" in str(err)


def test_huge_binary_file_is_reported_as_too_large(tmp_path: Path) -> None:
    big = tmp_path / "disk.img"
    with big.open("wb") as fh:
        fh.truncate(60 * 2**20)
    assert "too large" in str(error_for([big]))


def test_size_limit_is_configurable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    f = write(tmp_path / "a.txt", "x" * 2000 + " words.")
    assert "too large" in str(error_for([f], max_bytes=1000))
    monkeypatch.setenv("STORYLENS_MAX_FILE_MB", "0.001")
    assert "too large" in str(error_for([f]))
    monkeypatch.delenv("STORYLENS_MAX_FILE_MB")
    assert load_paths([f])[0].id == "a"


def test_gzip_bomb_is_stopped_at_the_limit(tmp_path: Path) -> None:
    import gzip

    f = write(tmp_path / "bomb.txt.gz", gzip.compress(b"word " * 400_000))  # 2 MB inflated, ~6 KB on disk
    assert "too large once decompressed" in str(error_for([f], max_bytes=2**20))


def test_folder_skips_bad_files_and_reports_them(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "A good story about the bridge.")
    write(tmp_path / "b.png", PNG)
    write(tmp_path / "c.jsonl", b'{"title": "no text"}\n')
    write(tmp_path / "d.txt", "Another good story.")
    problems: list[InputError] = []
    arts = load_paths([tmp_path], problems=problems)
    assert [a.id for a in arts] == ["a", "d"]
    assert [Path(p.path).name for p in problems] == ["b.png", "c.jsonl"]
    assert all("\n" not in str(p) for p in problems)


def test_folder_of_only_bad_files_is_an_error(tmp_path: Path) -> None:
    write(tmp_path / "a.png", PNG)
    write(tmp_path / "b.txt", b"")
    err = error_for([tmp_path])
    assert "no readable article" in str(err) and "a.png" in str(err) and "1 more" in str(err)


def test_explicit_bad_file_beside_a_good_folder_still_fails(tmp_path: Path) -> None:
    write(tmp_path / "ok" / "a.txt", "Fine.")
    bad = write(tmp_path / "bad.png", PNG)
    assert str(bad) in str(error_for([tmp_path / "ok", bad]))


def test_formats_without_a_reader_are_unsupported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(ingest.LAZY_READERS, "warc", ("storylens.ingest._not_installed", "read_warc", "WARC archives"))
    f = write(tmp_path / "crawl.warc", b"WARC/1.0\r\nWARC-Type: warcinfo\r\n\r\n")
    err = error_for([f])
    assert isinstance(err, UnsupportedFormat) and "WARC archives are not supported" in str(err)


def test_lazy_reader_is_called_when_its_module_exists(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from storylens.models import Article

    fake = types.ModuleType("storylens_test_fake_feeds")
    fake.read_feed = lambda path: [Article(id="item-1", raw="<p>Hi.</p>", raw_format="html", path=str(path))]
    monkeypatch.setitem(sys.modules, fake.__name__, fake)
    monkeypatch.setitem(ingest.LAZY_READERS, "feed", (fake.__name__, "read_feed", "RSS/Atom feeds"))
    f = write(tmp_path / "news.rss", '<?xml version="1.0"?><rss version="2.0"><channel/></rss>')
    assert [a.id for a in read_file(f)] == ["item-1"]


def test_other_url_schemes_are_named_not_mangled(tmp_path: Path) -> None:
    # Path() folds "ftp://host/x" into "ftp:/host/x", and "no such file" hid the real problem.
    err = error_for(["ftp://news.example/story.html"])  # type: ignore[list-item]
    assert str(err) == "ftp://news.example/story.html: cannot fetch ftp:// URLs (only http:// and https://)"


def test_too_large_just_over_the_limit_gives_bytes(tmp_path: Path) -> None:
    f = write(tmp_path / "big.txt", b"word " * 2100)
    err = error_for([f], max_bytes=10_000)
    assert "10,500 bytes; the limit is 10,000 bytes" in str(err)  # not "0.0 MB; the limit is 0.0 MB"
    f = write(tmp_path / "bigger.txt", b"word " * 400_000)
    assert "1.9 MB; the limit is 1.0 MB" in str(error_for([f], max_bytes=2**20))


def test_api_brief_of_nothing_says_so() -> None:
    import storylens

    with pytest.raises(InputError, match="^no input given"):
        storylens.brief([])


def test_api_brief_of_empty_articles_names_them() -> None:
    import storylens

    # It said "input: no article text found".
    with pytest.raises(InputError, match="^article a, article b: no article text found$"):
        storylens.brief([storylens.Article(id="a", raw=""), storylens.Article(id="b", raw="  \n")])
