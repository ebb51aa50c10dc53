import json

from tests.conftest import run_cli


def test_demo_data_step_writes_the_inspect_report_and_lists_it(tmp_path):
    out = tmp_path / "tour"
    skips = [a for step in ("learn", "nanogpt", "classify", "lm") for a in ("--skip", step)]
    result = run_cli("demo", "--out", str(out), *skips)
    assert result.returncode == 0, result.stderr
    report_path = out / "data" / "yorumlar.inspect.json"
    report = json.loads(report_path.read_text(encoding="utf-8"))
    assert report["label_counts"] == {"negative": 120, "positive": 120, "neutral": 120}
    assert str(report_path) in result.stdout.replace("\n", "")


def test_demo_in_turkish_titles_its_steps_in_turkish(tmp_path):
    skips = [a for step in ("nanogpt", "classify", "lm") for a in ("--skip", step)]
    result = run_cli("demo", "--lang", "tr", "--out", str(tmp_path / "tur"), *skips)
    assert result.returncode == 0, result.stderr
    assert "Türkçe yorum dosyasını okumak" in result.stdout
    assert "sıfırdan dikkat" in result.stdout and "bitti" in result.stdout
    assert "reading a Turkish review file" not in result.stdout


def test_demo_ends_with_the_next_commands_and_follows_the_locale(tmp_path):
    import os
    import subprocess
    import sys

    from tests.conftest import REPO

    skips = [a for step in ("learn", "nanogpt", "lm") for a in ("--skip", step)]
    env = dict(os.environ, PYTHONPATH=str(REPO), COLUMNS="200", LANG="tr_TR.UTF-8")
    env.pop("TRTUNE_LANG", None)
    env.pop("LC_ALL", None)
    result = subprocess.run(
        [sys.executable, "-m", "trtune", "demo", "--out", str(tmp_path / "t"), *skips],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    assert "Türkçe yorum dosyasını okumak" in result.stdout  # the Turkish locale decides
    assert "Sırada ne var:" in result.stdout
    folder = tmp_path / "t" / "classify" / "classify"
    assert f"trtune serve --classifier {folder}" in result.stdout
    assert f"trtune classify predict --model {folder}" in result.stdout
    assert "rastgele başlatılmış deneme modeli" in result.stdout  # the tiny model says so


def test_serve_without_its_extra_is_one_line(tmp_path):
    import os
    import subprocess
    import sys

    from tests.conftest import REPO

    # A stand-in "fastapi" that is not there: the import fails as on a machine without it.
    blocker = tmp_path / "fastapi"
    blocker.mkdir()
    (blocker / "__init__.py").write_text("raise ModuleNotFoundError(name='fastapi')\n")
    env = dict(os.environ, PYTHONPATH=f"{tmp_path}{os.pathsep}{REPO}")
    result = subprocess.run(
        [sys.executable, "-m", "trtune", "serve", "--classifier", str(tmp_path)],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        timeout=120,
    )
    assert result.returncode == 2, result.stderr
    assert result.stderr.strip().splitlines() == [
        "error: the server needs the serve extra: pip install 'trtune[serve]' "
        "(or pip install -e '.[serve]' in a checkout)"
    ]
