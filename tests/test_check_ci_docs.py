"""docs/ci.md and .pre-commit-hooks.yaml: the commands they run exist and parse, the examples are valid."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import click
import pytest
import yaml

from shown_commands import parse_shown
from transpub.check import CHECK_IDS

REPO = Path(__file__).parents[1]
DOC = REPO / "docs" / "ci.md"


def fenced_blocks(language: str) -> list[str]:
    return re.findall(rf"^```{language}\n(.*?)^```", DOC.read_text(encoding="utf-8"), re.S | re.M)


def parse_transpub_command(command: str) -> click.Context:
    """Parse ``transpub <sub> <args>`` (the first command of a shell line) with the real CLI."""
    return parse_shown(re.split(r"\s(?:>|\|\||&&)\s", command)[0])


def workflow(job: str = "check") -> dict:
    (document,) = [
        found
        for found in (yaml.safe_load(block) for block in fenced_blocks("yaml") if "jobs:" in block)
        if job in found["jobs"]
    ]
    return document


def test_workflow_example_is_valid_yaml_whose_transpub_commands_exist() -> None:
    steps = workflow()["jobs"]["check"]["steps"]
    commands = [
        line.strip()
        for step in steps
        for line in str(step.get("run", "")).splitlines()
        if line.strip().startswith("transpub ")
    ]
    assert any(c.startswith("transpub check --format github") for c in commands)
    assert any(c.startswith("transpub status --html") for c in commands)
    for command in commands:
        parse_transpub_command(command)


def test_the_workflow_example_checks_once_for_both_the_annotations_and_the_junit_report_it_uploads() -> None:
    steps = workflow()["jobs"]["check"]["steps"]
    checks = [str(step["run"]) for step in steps if str(step.get("run", "")).startswith("transpub check")]
    assert len(checks) == 1  # one run of the check (an archive's check is long), not one per report
    context = parse_transpub_command(checks[0])
    assert context.params["fmt"] == "github"
    (upload,) = [step for step in steps if "upload-artifact" in str(step.get("uses"))]
    assert str(context.params["junit_path"]) in upload["with"]["path"].split()


def test_each_shard_of_the_matrix_writes_and_uploads_a_junit_report_of_its_own() -> None:
    steps = workflow("shard")["jobs"]["shard"]["steps"]
    (check,) = [str(step["run"]) for step in steps if str(step.get("run", "")).startswith("transpub check")]
    position = next(i for i, step in enumerate(steps) if str(step.get("run", "")) == check)
    reports = {
        shard: str(
            parse_transpub_command(check.replace("${{ matrix.shard }}", str(shard))).params["junit_path"]
        )
        for shard in (1, 2, 3, 4)
    }
    assert len(set(reports.values())) == 4  # the matrix's reports do not overwrite each other
    (upload,) = [step for step in steps[position:] if "upload-artifact" in str(step.get("uses"))]
    assert "always()" in upload["if"]  # uploaded when the check failed too
    for shard, report in reports.items():
        assert upload["with"]["path"].replace("${{ matrix.shard }}", str(shard)) == report
    # one artifact per shard, which the index job's download (shard-*) leaves alone
    assert "${{ matrix.shard }}" in upload["with"]["name"] and not upload["with"]["name"].startswith("shard-")


def test_sharded_workflow_runs_every_stage_per_shard_then_the_indexes() -> None:
    jobs = workflow("shard")["jobs"]
    assert jobs["shard"]["strategy"]["matrix"]["shard"] == [1, 2, 3, 4]
    assert "postgres" in jobs["shard"]["services"]
    assert jobs["shard"]["env"]["TRANSPUB_MEMORY_URL"].startswith("postgresql://")
    commands = [
        str(step["run"]).replace("${{ matrix.shard }}", "1")
        for job in jobs.values()
        for step in job["steps"]
        if str(step.get("run", "")).startswith("transpub ")
    ]
    for stage in ("extract", "translate", "compile", "check"):
        assert f"transpub {stage} --shard 1/4" in " ".join(commands)
    assert commands[-1] == "transpub compile --indexes"
    # the shard's pages and catalogs are uploaded before check, which fails while anything is fuzzy,
    # and the indexes run all the same, with the catalogs they decide from
    steps = jobs["shard"]["steps"]
    upload = next(i for i, step in enumerate(steps) if "upload-artifact" in str(step.get("uses")))
    check = next(i for i, step in enumerate(steps) if str(step.get("run", "")).startswith("transpub check"))
    assert upload < check and steps[upload]["with"]["name"] == "shard-${{ matrix.shard }}"
    assert "cancelled()" in jobs["indexes"]["if"]
    download = next(step for step in jobs["indexes"]["steps"] if "download-artifact" in str(step.get("uses")))
    assert download["with"]["path"] == "." and download["with"]["merge-multiple"] is True
    for command in commands:
        context = parse_transpub_command(command)
        if "--shard" in command:
            assert context.params["shard"] == (1, 4)


def test_replies_a_failed_shard_kept_are_cached_under_a_key_of_each_attempt_restored_by_prefix() -> None:
    # GitHub never replaces a cache key: saved as unsaved-1-<run_id>, a re-run of the failed job that
    # failed again kept its new replies nowhere, and they were paid for once more
    steps = workflow("shard")["jobs"]["shard"]["steps"]
    restore = next(step for step in steps if "cache/restore" in str(step.get("uses")))
    save = next(step for step in steps if "cache/save" in str(step.get("uses")))
    assert "github.run_attempt" in save["with"]["key"] and save["if"] == "failure()"
    assert save["with"]["path"] == restore["with"]["path"] == ".transpub/unsaved/"
    assert save["with"]["key"].startswith(restore["with"]["restore-keys"])


def run_step(script: str, folder: Path, shard: int = 0, env: dict[str, str] | None = None) -> None:
    """Run a workflow step's shell script in ``folder`` as GitHub does (bash -e), for matrix shard
    ``shard``, with the variables ``env`` added to the environment."""
    script = script.replace("${{ matrix.shard }}", str(shard))
    subprocess.run(
        ["bash", "-e", "-o", "pipefail", "-c", script],
        cwd=folder,
        check=True,
        capture_output=True,
        env={**os.environ, **(env or {})},
    )


def git(folder: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(folder), *args], check=True, capture_output=True, text=True
    ).stdout


@pytest.mark.skipif(not (shutil.which("git") and shutil.which("tar")), reason="needs git and tar")
def test_the_index_job_gets_what_each_shard_wrote_and_no_stale_copy_from_another_shards_checkout(
    tmp_path: Path,
) -> None:
    jobs = workflow("shard")["jobs"]
    shard_steps, index_steps = jobs["shard"]["steps"], jobs["indexes"]["steps"]
    compile_at = next(
        i for i, s in enumerate(shard_steps) if str(s.get("run", "")).startswith("transpub compile")
    )
    pack = str(shard_steps[compile_at + 1]["run"])
    upload = shard_steps[compile_at + 2]
    download_at = next(i for i, s in enumerate(index_steps) if "download-artifact" in str(s.get("uses")))
    unpack = str(index_steps[download_at + 1]["run"])
    # a repository with the project in a folder of it, pages and catalogs committed by the last run
    origin = tmp_path / "origin"
    project = origin / "newsroom"
    old = {
        "site/en/ferry.html": "old ferry",
        "site/en/harbour.html": "old harbour",
        "site/en/retracted.html": "retracted",
        "locales/de/LC_MESSAGES/ferry.po": "old ferry de",
        "locales/de/LC_MESSAGES/harbour.po": "old harbour de",
    }
    for name, text in old.items():
        (project / name).parent.mkdir(parents=True, exist_ok=True)
        (project / name).write_text(text, encoding="utf-8")
    git(origin, "init", "-q")
    git(origin, "add", "-A")
    git(origin, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "last run")
    writes = {  # what each shard's transpub wrote (None: removed), in its own checkout
        1: {
            "site/en/ferry.html": "new ferry",
            "locales/de/LC_MESSAGES/ferry.po": "new ferry de",
            "site/en/retracted.html": None,
            "site/en/dock.html": "new dock",
        },
        2: {"site/en/harbour.html": "new harbour", "locales/de/LC_MESSAGES/harbour.po": "new harbour de"},
    }
    artifacts = tmp_path / "artifacts"
    artifacts.mkdir()
    for shard, files in writes.items():
        checkout = tmp_path / f"shard{shard}"
        shutil.copytree(origin, checkout)
        for name, text in files.items():
            if text is None:
                (checkout / "newsroom" / name).unlink()
            else:
                (checkout / "newsroom" / name).write_text(text, encoding="utf-8")
        run_step(pack, checkout / "newsroom", shard)
        for path in upload["with"]["path"].splitlines():
            shutil.copy(checkout / "newsroom" / path.replace("${{ matrix.shard }}", str(shard)), artifacts)
    index = tmp_path / "index"
    shutil.copytree(origin, index)
    shutil.copytree(artifacts, index / "newsroom", dirs_exist_ok=True)  # download-artifact, merged
    run_step(unpack, index / "newsroom")
    expected = {**old, **writes[1], **writes[2]}
    for name, text in expected.items():
        page = index / "newsroom" / name
        assert (page.read_text(encoding="utf-8") if page.exists() else None) == text, name


@pytest.mark.skipif(not shutil.which("git"), reason="needs git")
def test_the_index_job_commits_and_pushes_the_changed_catalogs_once_and_nothing_when_none_changed(
    tmp_path: Path,
) -> None:
    job = workflow("shard")["jobs"]["indexes"]
    assert job["permissions"]["contents"] == "write"
    steps = [str(step.get("run", "")) for step in job["steps"]]
    indexes = steps.index("transpub compile --indexes")
    (commit_back,) = [step for step in steps if "git push" in step]
    assert steps.index(commit_back) > indexes  # the catalogs as the whole run left them
    # the repository on GitHub, and the index job's checkout of it, the project in a folder
    origin = tmp_path / "origin.git"
    git(tmp_path, "init", "-q", "--bare", "-b", "main", str(origin))
    checkout = tmp_path / "checkout"
    git(tmp_path, "clone", "-q", str(origin), str(checkout))
    project = checkout / "newsroom"
    catalog = project / "locales" / "de" / "LC_MESSAGES" / "ferry.po"
    catalog.parent.mkdir(parents=True)
    catalog.write_text("old ferry de", encoding="utf-8")
    git(checkout, "add", "-A")
    git(checkout, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "last run")
    git(checkout, "push", "-q", "origin", "HEAD:main")
    # what the shards and the indexes wrote: the site, the artifacts, no catalog changed
    (project / "site").mkdir()
    (project / "site" / "index.html").write_text("index", encoding="utf-8")
    (project / "shard-1.tar").write_text("tar", encoding="utf-8")
    run_step(commit_back, project, env={"GITHUB_REF_NAME": "main"})
    assert git(origin, "rev-list", "--count", "main").strip() == "1"  # nothing to commit, no push
    catalog.write_text("new ferry de", encoding="utf-8")
    added = project / "locales" / "de" / "LC_MESSAGES" / "dock.po"
    added.write_text("dock de", encoding="utf-8")
    run_step(commit_back, project, env={"GITHUB_REF_NAME": "main"})
    assert git(origin, "rev-list", "--count", "main").strip() == "2"
    message = git(origin, "log", "-1", "--format=%an%n%s", "main")
    assert "[bot]" in message and "[skip ci]" in message  # a bot's commit that starts no new run
    assert git(origin, "show", "--name-only", "--format=", "main").split() == [
        "newsroom/locales/de/LC_MESSAGES/dock.po",
        "newsroom/locales/de/LC_MESSAGES/ferry.po",
    ]
    assert git(origin, "show", "main:newsroom/locales/de/LC_MESSAGES/ferry.po") == "new ferry de"


def test_pre_commit_hooks_run_existing_commands() -> None:
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert {hook["id"] for hook in hooks} == {"transpub-check", "transpub-extract"}
    for hook in hooks:
        assert hook["language"] == "python" and hook["pass_filenames"] is False
        parse_transpub_command(" ".join([hook["entry"], *hook.get("args", [])]))
        re.compile(hook["files"])
    check = next(hook for hook in hooks if hook["id"] == "transpub-check")
    assert re.search(check["files"], "locales/de/LC_MESSAGES/signing.po")
    assert re.search(check["files"], "transpub.toml")


def test_pre_commit_config_example_uses_the_hooks_we_ship_with_valid_args() -> None:
    hooks = {
        hook["id"]: hook for hook in yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text("utf-8"))
    }
    (config,) = [yaml.safe_load(block) for block in fenced_blocks("yaml") if "repos:" in block]
    for used in config["repos"][0]["hooks"]:
        assert used["id"] in hooks
        parse_transpub_command(" ".join([hooks[used["id"]]["entry"], *used.get("args", [])]))


def test_a_misspelled_option_would_be_caught() -> None:
    with pytest.raises(click.UsageError):
        parse_transpub_command("transpub check --fromat github")


def test_docs_explain_every_check_id_and_the_json_example_lists_them_all_and_matches_the_schema() -> None:
    text = DOC.read_text(encoding="utf-8")
    for check in CHECK_IDS:
        assert f"| `{check}` |" in text, check
    (example,) = [json.loads(block) for block in fenced_blocks("json")]
    assert example["checks"] == list(CHECK_IDS)  # what `check --format json` lists, every id
    schema = json.loads((REPO / "src" / "transpub" / "data" / "check-report.schema.json").read_text("utf-8"))
    jsonschema = pytest.importorskip("jsonschema")
    jsonschema.validate(example, schema)


def test_toml_example_in_the_docs_is_accepted_by_the_check_config(tmp_path: Path) -> None:
    import tomllib

    from transpub.check import CheckOptions, resolve_policies
    from transpub.project import parse_config

    (block,) = fenced_blocks("toml")
    raw = tomllib.loads(block)
    raw["project"] = {"name": "x", "source_locale": "en", "locales": ["sv", "zh_CN"]}
    policies = resolve_policies(parse_config(tmp_path, raw), ["sv", "zh_CN"], CheckOptions())
    assert policies["sv"].min_translated == 80 and policies["sv"].allow_fuzzy
    assert policies["zh_CN"].disabled == {"numbers"} and policies["zh_CN"].warned == {"glossary"}


def test_text_sample_in_the_docs_is_the_current_golden_output() -> None:
    golden = (REPO / "tests" / "data" / "check" / "messy.text.expect").read_text(encoding="utf-8")
    assert f"$ transpub check\n{golden}```" in DOC.read_text(encoding="utf-8")
