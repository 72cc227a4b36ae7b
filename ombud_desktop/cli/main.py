"""The ``ombud`` command line: headless and scriptable.

User errors go to stderr as one or two plain lines (what is wrong, what to do) with exit code 2;
no traceback unless OMBUD_DEBUG=1.
"""

from __future__ import annotations

import json
import logging
import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click

from ombud_desktop import __version__, logs, words
from ombud_desktop.cli.backup import COMMANDS as BACKUP_COMMANDS
from ombud_desktop.cli.comments import comment_lines, review_marks
from ombud_desktop.cli.duplicates import COMMANDS as DUPLICATES_COMMANDS
from ombud_desktop.cli.entity_inputs import COMMANDS as INPUT_COMMANDS
from ombud_desktop.cli.output import echo_json, echo_json_lists
from ombud_desktop.cli.packages import COMMANDS as PACKAGE_COMMANDS
from ombud_desktop.cli.periods import COMMANDS as PERIOD_COMMANDS
from ombud_desktop.cli.personal import COMMANDS as PERSONAL_COMMANDS
from ombud_desktop.cli.records import COMMANDS as RECORD_COMMANDS
from ombud_desktop.cli.register import COMMANDS as REGISTER_COMMANDS
from ombud_desktop.cli.register import assessment_new
from ombud_desktop.cli.reports import COMMANDS as REPORT_COMMANDS
from ombud_desktop.cli.settings import COMMANDS as SETTINGS_COMMANDS
from ombud_desktop.cli.settings import describe_workspace, given_by
from ombud_desktop.cli.spreadsheet import spreadsheet
from ombud_desktop.cli.supervisor import COMMANDS as SUPERVISOR_COMMANDS
from ombud_desktop.cli.support import COMMANDS as SUPPORT_COMMANDS
from ombud_desktop.cli.xlsform import DATA_COMMANDS as XLSFORM_DATA_COMMANDS
from ombud_desktop.cli.xlsform import INSTRUMENT_COMMANDS as XLSFORM_INSTRUMENT_COMMANDS
from ombud_desktop.domain.ids import short_ids
from ombud_desktop.errors import InstrumentError, OmbudError, ValidationError
from ombud_desktop.instruments import (
    builtin_grade_scales,
    builtin_instrument,
    builtin_instruments,
    instrument_for_period,
    load_instrument_file,
)
from ombud_desktop.packages.keys import KeyStore
from ombud_desktop.paths import settings_file
from ombud_desktop.scoring import format_score, grade_for
from ombud_desktop.settings import Settings, WorkspaceChoice, choose_workspace
from ombud_desktop.storage import Workspace
from ombud_desktop.storage.documents import load_document

logger = logging.getLogger(__name__)

EXIT_USER_ERROR = 2
EXIT_INTERNAL_ERROR = 70


class Context:
    """What every command needs: where the workspace and the user's keys are.

    Without a workspace given, the one chosen in the app (the settings file) is used, else the
    default; the settings are read only by a command that needs the workspace.
    """

    def __init__(
        self,
        workspace: Path | None,
        keys: KeyStore,
        *,
        settings_path: Path | None = None,
        workspace_source: str = "--workspace",
        keys_source: str = "--keys",
    ):
        self.given_workspace = workspace
        self.workspace_source = workspace_source
        self.settings_path = settings_path or settings_file()
        self.keys = keys
        self.keys_source = keys_source
        self._choice: WorkspaceChoice | None = None

    @property
    def workspace_choice(self) -> WorkspaceChoice:
        """Return the workspace folder and where it came from. Raises SettingsError."""
        if self._choice is None:
            given = self.given_workspace
            settings = Settings.load(self.settings_path) if given is None else None
            self._choice = choose_workspace(settings, given, self.workspace_source)
        return self._choice

    @property
    def workspace_path(self) -> Path:
        """Return the workspace folder (see ``workspace_choice``)."""
        return self.workspace_choice.path

    @contextmanager
    def workspace(self, *, create: bool = False, write: bool = False) -> Iterator[Workspace]:
        """Open the workspace for the duration of a command.

        ``write``: the command changes the workspace, so it holds the workspace's lock, named
        after the command ("ombud import"), and is refused while another program holds it.
        """
        lock = None
        if write:
            command = click.get_current_context(silent=True)
            lock = command.command_path if command is not None else "ombud"
        workspace = Workspace.open(self.workspace_path, create=create, lock=lock)
        try:
            yield workspace
        finally:
            workspace.close()


pass_context = click.make_pass_decorator(Context)


@click.group(context_settings={"help_option_names": ["-h", "--help"]}, invoke_without_command=True)
@click.option(
    "--workspace",
    "workspace",
    type=click.Path(file_okay=False, path_type=Path),
    envvar="OMBUD_WORKSPACE",
    default=None,
    help="Workspace folder (default: the one chosen in the app, else your data folder; "
    "or set OMBUD_WORKSPACE).",
)
@click.option(
    "--keys",
    "keys_folder",
    type=click.Path(file_okay=False, path_type=Path),
    envvar="OMBUD_KEYS",
    default=None,
    help="Folder of your keys (default: your data folder; or set OMBUD_KEYS).",
)
@click.option(
    "--settings",
    "settings_path",
    type=click.Path(dir_okay=False, path_type=Path),
    envvar="OMBUD_SETTINGS",
    default=None,
    help="Settings file shared with the app (default: in your config folder; or set "
    "OMBUD_SETTINGS). Its workspace is used when none is given.",
)
@click.version_option(__version__, prog_name="ombud")
@click.pass_context
def cli(
    ctx: click.Context,
    workspace: Path | None,
    keys_folder: Path | None,
    settings_path: Path | None,
) -> None:
    """Ombud Desktop: Ombudsman RI public-service compliance assessments, offline."""
    keys = KeyStore(keys_folder) if keys_folder else KeyStore.default()
    ctx.obj = Context(
        workspace,
        keys,
        settings_path=settings_path,
        workspace_source=given_by(ctx, "workspace", "--workspace", "OMBUD_WORKSPACE"),
        keys_source=given_by(ctx, "keys_folder", "--keys", "OMBUD_KEYS")
        if keys_folder
        else "default",
    )
    # The command's name only: its arguments may hold a respondent's name.
    logger.info("ombud %s: %s", __version__, ctx.invoked_subcommand or "(overview)")
    if ctx.invoked_subcommand is None:
        _overview(ctx.obj)


def _overview(ctx: Context) -> None:
    """Say where the workspace is, what is in it, and what to do next."""
    click.echo(f"Ombud Desktop {__version__}")
    click.echo(f"Workspace: {describe_workspace(ctx.workspace_choice, ctx.settings_path)}")
    try:
        workspace = Workspace.open(ctx.workspace_path, create=False)
    except OmbudError as exc:
        if exc.code != "workspace_missing":
            raise
        click.echo("No workspace here yet. Start with one of:")
        click.echo('  ombud init --name "Your name"        (a workspace for your assessments)')
        click.echo("  ombud demo --entities 20 --seed 1    (a workspace with demo data)")
        return
    with workspace:
        profile = workspace.profile()
        rows = workspace.assessment_rows()
    click.echo(f"Assessor:  {profile['name'] if profile else '(none: run ombud init)'}")
    click.echo(f"Assessments: {len(rows)}")
    click.echo("Next: ombud assessments list · ombud score · ombud --help")


# -- workspace -------------------------------------------------------------------------------


@cli.command()
@click.option("--name", required=True, help="Your name, as the author of every answer.")
@click.option("--nip", default=None, help="Your NIP (optional).")
@pass_context
def init(ctx: Context, name: str, nip: str | None) -> None:
    """Create the workspace (if needed) and set the assessor profile."""
    if not name.strip():
        raise ValidationError(
            "the name is empty", hint="Give your name with --name.",
            code="name_empty",
        )
    with ctx.workspace(create=True, write=True) as workspace:
        workspace.set_profile(name.strip(), nip)
        click.echo(f"Workspace: {workspace.root}")
        click.echo(f"Device:    {workspace.device_id}")
        click.echo(f"Assessor:  {name.strip()}")


@cli.command()
@click.option("--entities", type=click.IntRange(1, 5000), default=20, show_default=True)
@click.option("--seed", type=int, default=1, show_default=True)
@click.option("--year", type=click.IntRange(2022, 2100), default=2024, show_default=True)
@click.option("--quiet", is_flag=True, help="No progress output.")
@click.option(
    "--trust-file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also write a public-trust file of the entities (CSV) for `ombud trust import`.",
)
@click.option(
    "--inputs",
    "supervisor_inputs",
    is_flag=True,
    help="Also record secondary data and products followed as a demo pusat (2025 model). "
    "Packages of such a workspace are refused by a real supervisor: the records are not theirs.",
)
@pass_context
def demo(
    ctx: Context, entities: int, seed: int, year: int, quiet: bool, trust_file: Path | None,
    supervisor_inputs: bool,
) -> None:
    """Fill the workspace with realistic synthetic assessments (the loci of each template)."""
    from ombud_desktop.services.demo import generate_demo
    from ombud_desktop.services.demo_inputs import record_demo_inputs, write_trust_file

    instrument = instrument_for_period(year)
    started = time.perf_counter()
    with ctx.workspace(create=True, write=True) as workspace:
        if workspace.profile() is None:
            workspace.set_profile("Demo", None)

        def progress(done: int, total: int) -> None:
            if not quiet and (done % 70 == 0 or done == total):
                click.echo(f"\r{done}/{total} loci", nl=done == total, err=True)

        summary = generate_demo(
            workspace, instrument, entities=entities, seed=seed, year=year, progress=progress
        )
        inputs = (
            record_demo_inputs(workspace, instrument, year=year, seed=seed)
            if supervisor_inputs
            else None
        )
        trusted = (
            write_trust_file(workspace, trust_file, year=year, seed=seed) if trust_file else 0
        )
    click.echo(
        f"Created {summary.entities} entities, {summary.assessments} assessments "
        f"({summary.provisional_by_design} provisional by design), {summary.photos} photos "
        f"with instrument {instrument.id} in {time.perf_counter() - started:.1f} s."
    )
    if inputs is not None:
        click.echo(f"Recorded {inputs.secondary} secondary-data figures and "
                   f"{inputs.products} products-followed records as the demo supervisor.")
    if trust_file:
        click.echo(f"Wrote the public-trust results of {trusted} entities to {trust_file}.")


# -- instruments -----------------------------------------------------------------------------


@cli.group()
def instrument() -> None:
    """Instruments: list, validate, show, export and import (XLSForm)."""


@instrument.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def instrument_list(as_json: bool) -> None:
    """List the instruments shipped with the application."""
    items = [
        {
            "id": i.id,
            "version": i.version,
            "periods": i.periods,
            "hash": i.content_hash,
            "indicators": len(i.indicators()),
            "title": i.title.id,
        }
        for i in builtin_instruments()
    ]
    if as_json:
        echo_json(items)
        return
    for item in items:
        periods = ", ".join(str(p) for p in item["periods"])
        click.echo(
            f"{item['id']:<10} {item['version']:<8} {item['indicators']} indicators  "
            f"periods {periods:<11} {item['hash'][:12]}  {item['title']}"
        )


@instrument.command("validate")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
def instrument_validate(file: Path) -> None:
    """Check an instrument file (.yaml, or an XLSForm .xlsx); print every problem and its place."""
    try:
        if file.suffix.lower() == ".xlsx":
            from ombud_desktop.instruments.xlsform import read_xlsform

            loaded = read_xlsform(file)
        else:
            loaded = load_instrument_file(file)
    except InstrumentError as exc:
        for problem in exc.data.get("problems", [exc.message]):
            click.echo(problem, err=True)
        raise SystemExit(EXIT_USER_ERROR) from None
    click.echo(
        f"{file.name}: valid instrument {loaded.id} version {loaded.version}, "
        f"{len(loaded.indicators())} indicators, hash {loaded.content_hash}"
    )


@instrument.command("show")
@click.argument("instrument_id")
@click.option("--json", "as_json", is_flag=True, help="Print the whole instrument as JSON.")
@click.option("--lang", type=click.Choice(["id", "en"]), default="id", show_default=True)
def instrument_show(instrument_id: str, as_json: bool, lang: str) -> None:
    """Show an instrument: dimensions, indicators, weights and the grade scale."""
    shown = builtin_instrument(instrument_id)
    if as_json:
        echo_json({"hash": shown.content_hash, **shown.document})
        return
    click.echo(f"{shown.id} {shown.version}  {shown.title.get(lang)}")
    click.echo(f"hash {shown.content_hash}")
    for dimension in shown.dimensions:
        click.echo(f"\n{dimension.code} {dimension.title.get(lang)} (weight {dimension.weight:g})")
        for indicator in dimension.indicators:
            click.echo(
                f"  {indicator.code:<6} {indicator.kind:<15} w={indicator.weight:<8.4g} "
                f"{indicator.title.get(lang)}"
            )
    click.echo("\nGrades:")
    for band in shown.grade_scale.bands:
        opinion = band.opinion.get(lang) if band.opinion else ""
        click.echo(f"  {band.grade or '-'}  ≥ {band.min:6.2f}  {band.zone:<7} {opinion}")
    rules = shown.completeness
    click.echo(
        f"\nService users: target {rules.service_users.target}, "
        f"minimum {rules.service_users.minimum}; products per locus "
        f"{rules.products_per_locus}; roles {', '.join(rules.roles_required)}"
    )
    if shown.score is not None or shown.qualifier is not None or shown.is_draft:
        from ombud_desktop.services.grading import model_summary

        click.echo("\n" + "\n".join(model_summary(shown, lang)))


# -- assessments -----------------------------------------------------------------------------


@cli.group()
def assessments() -> None:
    """Assessments in the workspace."""


@assessments.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--trash", is_flag=True, help="List the deleted assessments instead.")
@pass_context
def assessments_list(ctx: Context, as_json: bool, trash: bool) -> None:
    """List assessments with their status and provisional score."""
    from ombud_desktop.services.review_state import review_states
    from ombud_desktop.services.scoring import score_workspace

    with ctx.workspace() as workspace:
        scored = {s.row["id"]: s for s in score_workspace(workspace).loci}
        rows = workspace.assessment_rows(include_deleted=trash)
        states = review_states(workspace)
    rows = [r for r in rows if bool(r["deleted_at"]) == trash]
    items = []
    for row in rows:
        result = scored[row["id"]].result if row["id"] in scored else None
        items.append(
            {
                "id": row["id"],
                "entity": row["entity"]["name"],
                "locus": row["locus"]["name"],
                "period": row["period"],
                "status": row["status"],
                "instrument": row["instrument_id"],
                "score": None
                if result is None or result.score is None
                else float(format_score(result.score)),
                "grade": result.grade.grade if result and result.grade else None,
                "provisional": result.provisional if result else None,
                **states[row["id"]].to_json(),
            }
        )
    if as_json:
        echo_json(items)
        return
    shown = short_ids(item["id"] for item in items)
    for item in items:
        mark = " (sementara)" if item["provisional"] else ""
        click.echo(
            f"{shown[item['id']]}  {item['period']}  {item['entity'][:28]:<28} "
            f"{item['locus'][:34]:<34} {item['status']:<8} "
            f"{format_score(item['score']):>6} {item['grade'] or '-'}{mark}"
            f"{review_marks(states[item['id']])}"
        )
    if not as_json:
        click.echo(f"{len(items)} assessment(s)", err=True)


@cli.command("history")
@click.argument("assessment_id")
@click.option("--cell", default=None, help="One cell (response.IN07.value) or row (IN07).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option(
    "--personal-data", is_flag=True, help="Show respondents' names, NIP and phone numbers."
)
@click.pass_obj
def history(
    ctx: Context, assessment_id: str, cell: str | None, as_json: bool, personal_data: bool
) -> None:
    """Show every change of an assessment's answers: value, author, device, time, fate."""
    from ombud_desktop.services.history import assessment_history

    people = {
        key["fingerprint"]: {"name": key.get("name"), "role": key.get("role", "assessor"),
                             "province": key.get("province")}
        for key in ctx.keys.trusted()
    }
    if ctx.keys.has_signing_key():  # one's own key: named as one's own profile says
        own = ctx.keys.signing_key_info()
        people[own.fingerprint] = {"name": own.owner or None, "role": None, "province": None}
    with ctx.workspace() as workspace:
        full = workspace.resolve_assessment_id(assessment_id)
        cells = assessment_history(workspace, full, cell=cell, people=people)
    if as_json:
        echo_json(
            {
                "assessment_id": full,
                "cells": [c.to_json(personal_data=personal_data) for c in cells],
            }
        )
        return
    if not cells:
        raise ValidationError(
            f"no change of {cell} in this assessment", code="no_history",
            hint="Give a cell as target.row.field (response.IN07.value) or a row (IN07).",
            cell=cell or "",
        )
    for item in cells:
        click.echo(item.label)
        for entry in item.entries:
            shown = entry.to_json(personal_data=personal_data)
            value = "(personal data)" if shown["value_hidden"] else json.dumps(
                shown["value"], ensure_ascii=False
            )
            who = entry.author_known_as or entry.author
            if entry.author_known_as and entry.author_known_as != entry.author:
                who += f" (calls itself {entry.author})"
            key = f" key {entry.author_key[:16]}" if entry.author_key else ""
            role = f", {entry.author_role}" if entry.author_role else ""
            came = f"  in {entry.package} from {entry.package_signer}" if entry.package else ""
            click.echo(
                f"  {entry.at[:19]}  {value:<14} {who}{role}{key}  device {entry.device}  "
                f"{entry.state}{came}"
            )


@cli.group()
def assessment() -> None:
    """One assessment."""


@assessment.command("show")
@click.argument("assessment_id")
@click.option("--json", "as_json", is_flag=True, help="Print the whole assessment document.")
@click.option(
    "--personal-data",
    is_flag=True,
    help="Include respondents' names, NIP and phone numbers (personal data).",
)
@pass_context
def assessment_show(ctx: Context, assessment_id: str, as_json: bool, personal_data: bool) -> None:
    """Show the assessment document the scoring reads, raw answers included."""
    from ombud_desktop.scoring import score_locus
    from ombud_desktop.services.comments import comments_of

    with ctx.workspace() as workspace:
        full_id = workspace.resolve_assessment_id(assessment_id)
        document = load_document(workspace, full_id)
        result = score_locus(workspace.instrument(document.instrument_hash), document)
        comments = [c.to_json() for c in comments_of(workspace, full_id)]
    if as_json:
        echo_json(
            {
                **document.to_json(personal_data=personal_data),
                "score": result.to_json(),
                "review_comments": comments,
            }
        )
        return
    click.echo(
        f"{document.entity.get('name')} › {document.locus.get('name')}  "
        f"({document.period}, {document.instrument_id}, {document.status})"
    )
    if document.entity.get("code"):
        click.echo(f"Entity code {document.entity['code']}")
    if document.instrument_reason:
        click.echo(f"Instrument not meant for {document.period}: {document.instrument_reason}")
    click.echo(
        f"Score {format_score(result.score)} "
        f"{result.grade.grade if result.grade else '-'}"
        f"{' (provisional)' if result.provisional else ''}"
    )
    for code, dimension in result.dimensions.items():
        click.echo(
            f"  {code:<4} {format_score(dimension.score):>6}  "
            f"({dimension.valued}/{dimension.total} indicators)"
        )
    language = cli_language()
    for reason in result.reasons[:20]:
        text = words.reason_text(reason.code, reason.target, reason.data, language)
        click.echo(f"  missing: {text}")
    if comments:
        opened = sum(1 for c in comments if c["state"] == "open")
        click.echo(f"Supervisor's comments: {opened} open, {len(comments) - opened} closed")
        for line in comment_lines(comments):
            click.echo(line)


# -- scores ----------------------------------------------------------------------------------


@cli.command()
@click.option("--json", "as_json", is_flag=True, help='Print {"loci": [...], "entities": [...]}.')
@click.option("--period", default=None, help="Only this period (e.g. 2024).")
@click.option(
    "--province", default=None, help="Only the entities of this province (ranks stay as they are)."
)
@pass_context
def score(ctx: Context, as_json: bool, period: str | None, province: str | None) -> None:
    """Score every locus and entity; rank entities within their category."""
    from ombud_desktop.services.scoring import entity_json, score_workspace

    language = cli_language()
    with ctx.workspace() as workspace:
        result = score_workspace(workspace, period=period, province=province)
    if as_json:
        # Streamed, one locus per line: a national workspace's answer is ~36 MB.
        echo_json_lists(
            {
                "loci": (locus.to_json() for locus in result.loci),
                "entities": (entity_json(e, language) for e in result.entities),
            }
        )
        return
    scopes = set()
    for entity in result.entities:
        grade = entity.grade.grade if entity.grade else "-"
        zone = entity.grade.zone if entity.grade else "-"
        mark = " (sementara)" if entity.provisional else ""
        click.echo(
            f"{entity.period}  {entity.category:<10} {entity.rank or '-':>4}  "
            f"{entity.entity[:40]:<40} {format_score(entity.score):>6} {grade} {zone}{mark}"
        )
        for reason in entity.reasons:
            click.echo(f"        {words.entity_reason_text(reason.code, reason.data, language)}")
        if entity.rank_scope is not None:
            scope = entity.rank_scope
            scopes.add((entity.period, words.rank_scope_text(
                scope.kind, scope.category, list(scope.provinces), language
            )))
    for period_id, text in sorted(scopes):
        click.echo(f"{period_id}  rank: {text}")
    click.echo(f"{len(result.entities)} entities, {len(result.loci)} loci", err=True)


@cli.command()
@click.argument("value", type=float)
@click.option(
    "--scale",
    "scale_id",
    default=None,
    help="Grade scale id (default ori-2022-grades); zones-2015 is the 2015-2021 three-zone scale.",
)
@click.option(
    "--instrument",
    "instrument_id",
    default=None,
    help="Grade with this instrument's scale and say the zone and opinion in words.",
)
@click.option(
    "--products-followed",
    is_flag=True,
    help="The entity followed up the Ombudsman's products (the opinion qualifier, if any).",
)
@click.option("--lang", type=click.Choice(["id", "en"]), default="id", show_default=True)
def grade(
    value: float, scale_id: str | None, instrument_id: str | None, products_followed: bool,
    lang: str,
) -> None:
    """Grade a score on a scale (also historic figures), or with an instrument's scale."""
    if not 0 <= value <= 100:
        raise ValidationError(
            f"{value} is not a score from 0 to 100",
            code="score_out_of_range", value=value,
        )
    if instrument_id is not None:
        from ombud_desktop.services.grading import grade_words

        click.echo(
            grade_words(
                value, builtin_instrument(instrument_id), products_followed=products_followed,
                language=lang,
            )
        )
        return
    scale_id = scale_id or "ori-2022-grades"
    scales = builtin_grade_scales()
    if scale_id not in scales:
        raise ValidationError(
            f"unknown grade scale {scale_id!r}", hint=f"Known scales: {', '.join(sorted(scales))}.",
            code="unknown_grade_scale", scale=scale_id, known=", ".join(sorted(scales))
        )
    result = grade_for(value, scales[scale_id])
    click.echo(
        f"{format_score(value)}  {result.grade or '-'}  {result.zone}  "
        f"{result.opinion_id or ''}".rstrip()
    )


for command in (
    *PACKAGE_COMMANDS,
    *SUPERVISOR_COMMANDS,
    *REPORT_COMMANDS,
    *SETTINGS_COMMANDS,
    *RECORD_COMMANDS,
):
    cli.add_command(command)
for command in REGISTER_COMMANDS:
    cli.add_command(command)
assessment.add_command(assessment_new)
for command in SUPPORT_COMMANDS:
    cli.add_command(command)
for command in PERSONAL_COMMANDS:
    cli.add_command(command)
for command in BACKUP_COMMANDS:
    cli.add_command(command)
cli.add_command(spreadsheet)
for command in DUPLICATES_COMMANDS:
    cli.add_command(command)
for command in PERIOD_COMMANDS:
    cli.add_command(command)
for command in XLSFORM_INSTRUMENT_COMMANDS:
    instrument.add_command(command)
for command in XLSFORM_DATA_COMMANDS:
    cli.add_command(command)
for command in INPUT_COMMANDS:
    cli.add_command(command)


def cli_language() -> str:
    """Return the language of the command line's words: Indonesian when OMBUD_LANG says "id"."""
    return "id" if os.environ.get("OMBUD_LANG", "").lower().startswith("id") else "en"


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    logs.start("ombud")
    try:
        cli.main(args=argv, prog_name="ombud", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        return 1
    except click.ClickException as exc:
        exc.show()
        return exc.exit_code
    except OmbudError as exc:
        # English: the core's own sentence, which names the file or value; Indonesian: the
        # shared words of the code (the same as the app's).
        text, hint = (
            words.describe_error(exc, "id") if cli_language() == "id" else (exc.message, exc.hint)
        )
        click.echo(f"error: {text}", err=True)
        if hint:
            click.echo(hint, err=True)
        return EXIT_USER_ERROR
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else 0
    except BrokenPipeError:
        return 0
    except Exception as exc:
        # The support log keeps the traceback; the console shows the two lines below only.
        logs.log_exception(logger, "internal error", exc, file_only=True)
        if os.environ.get("OMBUD_DEBUG"):
            raise
        click.echo(f"internal error: {type(exc).__name__}: {exc}", err=True)
        click.echo(
            "This is a bug in Ombud Desktop. Run again with OMBUD_DEBUG=1 for details "
            "and report it (`ombud support-bundle FILE` makes a zip to send). "
            "Answers saved before this step are safe.",
            err=True,
        )
        return EXIT_INTERNAL_ERROR
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
