"""Command-line commands for keys and signed packages: keys, export, verify, import."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

import click

from ombud_desktop.cli.backup import backup_place, echo_undo
from ombud_desktop.cli.output import echo_json
from ombud_desktop.domain.ids import short_id
from ombud_desktop.errors import OmbudError, StorageError
from ombud_desktop.merge.batch import WORKSPACE_FAILURES
from ombud_desktop.packages.format import DEFAULT_MAX_PACKAGE_BYTES, PackageError
from ombud_desktop.packages.keys import KeyError_, PublicKeyFile, check_passphrase, short
from ombud_desktop.services.merge import cover_imports
from ombud_desktop.services.packages import PackageService, package_files

PASSPHRASE_ENV = "OMBUD_PASSPHRASE"
NEW_PASSPHRASE_ENV = "OMBUD_NEW_PASSPHRASE"
EXIT_PROBLEMS = 1

max_size_option = click.option(
    "--max-size",
    type=click.IntRange(1),
    default=DEFAULT_MAX_PACKAGE_BYTES // 2**20,
    show_default=True,
    help="Largest package accepted, in MB.",
)
passphrase_file_option = click.option(
    "--passphrase-file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    help=f"Read the passphrase from this file (or set {PASSPHRASE_ENV}).",
)


def read_passphrase(
    passphrase_file: Path | None,
    *,
    env: str = PASSPHRASE_ENV,
    prompt: str = "Passphrase",
    confirm: bool = False,
) -> str:
    """Return the passphrase from a file, the environment, or a hidden prompt."""
    if passphrase_file is not None:
        return passphrase_file.read_text(encoding="utf-8").rstrip("\r\n")
    if os.environ.get(env):
        return os.environ[env]
    if not sys.stdin.isatty():
        raise KeyError_(
            "a passphrase is needed",
            code="passphrase_needed",
            hint=f"Give --passphrase-file FILE or set {env}.",
        )
    return str(click.prompt(prompt, hide_input=True, confirmation_prompt=confirm))


@click.group()
def keys() -> None:
    """Your signing key, receiving key and the keys you trust."""

@keys.command("create")
@click.option("--receiving", is_flag=True, help="Create only the receiving key.")
@click.option("--national", is_flag=True, help="Create pusat's national key (once, at pusat).")
@passphrase_file_option
@click.pass_obj
def keys_create(ctx: Any, receiving: bool, national: bool, passphrase_file: Path | None) -> None:
    """Create your signing key and your receiving key (those you lack)."""
    if receiving and national:
        raise click.UsageError("--national is a signing key; create the receiving key apart")
    store = ctx.keys
    owner = ""
    try:
        with ctx.workspace() as workspace:
            owner = (workspace.profile() or {}).get("name", "")
    except OmbudError:
        owner = ""
    # Everyone has both: the receiving key opens personal data sealed to this person (their
    # supervisor's returns, a co-assessor's packages). `keys create` in a folder with a
    # signing key only adds the receiving key, under the same passphrase.
    joining = not receiving and not national and store.has_signing_key()
    if receiving and store.has_receiving_key():  # `keys create` made it already
        click.echo(f"You have a receiving key already ({store.receiving_key_info().short}).")
        return
    if joining and store.has_receiving_key():
        raise KeyError_(
            f"a signing key already exists in {store.folder}, and a receiving key too",
            code="key_exists",
            hint="Keep using them; change their passphrase with `ombud keys passphrase`.",
        )
    if joining:
        passphrase = read_passphrase(passphrase_file, prompt="Passphrase of your signing key")
        store.signing_key(passphrase)  # a wrong one is refused before anything is made
    else:
        passphrase = read_passphrase(passphrase_file, prompt="New passphrase", confirm=True)
    check_passphrase(passphrase)
    if not receiving and not joining:
        info = store.create_signing_key(passphrase, owner=owner)
        if national:
            store.mark_national()
        click.echo(f"Created your {'national' if national else 'signing'} key in {store.folder}")
        click.echo(f"Fingerprint: {info.words}")
    if receiving or not store.has_receiving_key():
        created = store.create_receiving_key(passphrase, owner=owner)
        click.echo(f"Created your receiving key in {store.folder} ({created.short})")
    if national:
        click.echo("Publish these digits to every province: they trust pusat by comparing them.")
    else:
        click.echo("Compare these digits with your supervisor, read aloud, when you send your key.")

@keys.command("show")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_obj
def keys_show(ctx: Any, as_json: bool) -> None:
    """Show your keys' fingerprints and the supervisor your personal data goes to."""
    store = ctx.keys
    signing = store.signing_key_info() if store.has_signing_key() else None
    receiving = store.receiving_key_info() if store.has_receiving_key() else None
    recipient = store.recipient()
    if as_json:
        echo_json(
            {
                "folder": str(store.folder),
                "signing_key": signing.to_json() if signing else None,
                "receiving_key": receiving.to_json() if receiving else None,
                "recipient": recipient.to_json() if recipient else None,
                "trusted": store.trusted(),
                "national": store.is_national(),
                "certificates": store.certificates(),
            }
        )
        return
    click.echo(f"Keys in {store.folder}")
    click.echo(f"Role:          {_own_role(store)}")
    if signing:
        click.echo(f"Signing key:   {signing.words}   ({signing.short})")
    else:
        click.echo("Signing key:   none (create one with `ombud keys create`)")
    if receiving:
        click.echo(f"Receiving key: {receiving.words}   ({receiving.short})")
    if recipient:
        click.echo(
            f"Personal data is encrypted to: {recipient.name} ({short(recipient.fingerprint)})"
        )
    else:
        click.echo("No supervisor key set: exports leave personal data out.")
    click.echo(f"Trusted signers: {len(store.trusted())}")

@keys.command("passphrase")
@passphrase_file_option
@click.option(
    "--new-passphrase-file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    help=f"Read the new passphrase from this file (or set {NEW_PASSPHRASE_ENV}).",
)
@click.pass_obj
def keys_passphrase(
    ctx: Any, passphrase_file: Path | None, new_passphrase_file: Path | None
) -> None:
    """Change the passphrase of your keys."""
    old = read_passphrase(passphrase_file, prompt="Current passphrase")
    new = read_passphrase(
        new_passphrase_file, env=NEW_PASSPHRASE_ENV, prompt="New passphrase", confirm=True
    )
    ctx.keys.change_passphrase(old, new)
    click.echo("Passphrase changed.")

@keys.command("export")
@click.argument("out", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--qr",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Also write the key as a QR code (PNG or SVG, by the suffix).",
)
@click.pass_obj
def keys_export(ctx: Any, out: Path, qr: Path | None) -> None:
    """Write your public key file (.ombkey) for your supervisor."""
    from ombud_desktop.files import write_atomically
    from ombud_desktop.packages.keys import qr_code

    key_file = ctx.keys.public_key_file()
    write_atomically(out, key_file.to_bytes())
    click.echo(f"Wrote {out} ({key_file.name or 'no name'}, {short(key_file.fingerprint)})")
    if qr is not None:
        qr_code(key_file).save(str(qr), scale=6, border=4)
        click.echo(f"Wrote {qr}")

@keys.command("trust")
@click.argument("key_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--yes", is_flag=True, help="Do not ask; you have compared the fingerprint.")
@click.option(
    "--role",
    type=click.Choice(["national", "supervisor", "assessor"]),
    default=None,
    help="Trust the key in this role (default: national for pusat's key file, else assessor).",
)
@click.option("--province", default=None, help="The province of a supervisor trusted so.")
@click.pass_obj
def keys_trust(
    ctx: Any, key_file: Path, yes: bool, role: str | None, province: str | None
) -> None:
    """Trust the signer of a public key file after comparing its fingerprint."""
    from ombud_desktop.packages.keys import spoken

    person = PublicKeyFile.read(key_file)
    role = role or ("national" if person.role == "national" else "assessor")
    label = " (NATIONAL KEY, pusat)" if role == "national" else ""
    click.echo(f"{person.name or key_file.name}{label}: {spoken(person.fingerprint)}")
    if not yes and not click.confirm("Do these digits match what the owner reads to you?"):
        raise click.exceptions.Abort()
    ctx.keys.trust(
        person.signing_key,
        person.name,
        role=role,
        province=province,
        receiving_key=person.receiving_key,
    )
    click.echo(f"Trusted {person.name or key_file.name} as {role} ({short(person.fingerprint)}).")

@keys.command("trusted")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_obj
def keys_trusted(ctx: Any, as_json: bool) -> None:
    """List the signers you trust."""
    trusted = [
        {**key, "role": key.get("role", "assessor"), "province": key.get("province")}
        for key in ctx.keys.trusted()
    ]
    if as_json:
        echo_json(trusted)
        return
    if not trusted:
        click.echo("No trusted signers yet.")
    for key in trusted:
        click.echo(
            f"{short(key['fingerprint'])}  {key.get('name') or '-':<30} "
            f"{key['role']:<10} {key.get('province') or '-':<20} {key['added_at']}"
        )

@keys.command("untrust")
@click.argument("fingerprint")
@click.pass_obj
def keys_untrust(ctx: Any, fingerprint: str) -> None:
    """Stop trusting a signer (by the start of its fingerprint)."""
    removed = ctx.keys.untrust(fingerprint)
    click.echo(
        f"No longer trusted: {removed.get('name') or '-'} ({short(removed['fingerprint'])})"
    )

@keys.command("recipient")
@click.argument(
    "key_file", required=False, type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
@click.option("--clear", is_flag=True, help="Stop encrypting personal data to anyone.")
@click.option("--yes", is_flag=True, help="Do not ask; you have compared the fingerprint.")
@click.pass_obj
def keys_recipient(ctx: Any, key_file: Path | None, clear: bool, yes: bool) -> None:
    """Set the supervisor whose key your exports encrypt personal data to.

    Shows the key's digits and asks whether they match what the supervisor reads to you, as
    `keys trust` does: the key is also trusted, and respondents' personal data is sealed to it.
    """
    from ombud_desktop.packages.keys import spoken

    if clear:
        ctx.keys.set_recipient(None)
        click.echo("No supervisor key: exports leave personal data out.")
        return
    if key_file is None:
        raise click.UsageError("give the supervisor's .ombkey file, or --clear")
    person = PublicKeyFile.read(key_file)
    label = " (NATIONAL KEY, pusat)" if person.role else ""
    click.echo(f"{person.name or key_file.name}{label}: {spoken(person.fingerprint)}")
    if not yes and not click.confirm("Do these digits match what the supervisor reads to you?"):
        raise click.exceptions.Abort()
    ctx.keys.set_recipient(person)
    ctx.keys.trust(
        person.signing_key,
        person.name,
        role="national" if person.role else "supervisor",
        receiving_key=person.receiving_key,
    )
    click.echo(
        f"Personal data will be encrypted to {person.name or key_file.name} "
        f"({short(person.fingerprint)}); their packages are trusted."
    )

@keys.command("certify")
@click.argument("key_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--role", type=click.Choice(["supervisor", "assessor"]), required=True)
@click.option("--province", default=None, help="The supervisor's province (pusat only).")
@click.option(
    "--out", "out", required=True, type=click.Path(dir_okay=False, path_type=Path),
    help="Where to write the certificate file for the key's owner.",
)
@click.option("--days", type=click.IntRange(1, 3 * 366), default=400, show_default=True)
@passphrase_file_option
@click.pass_obj
def keys_certify(
    ctx: Any,
    key_file: Path,
    role: str,
    province: str | None,
    out: Path,
    days: int,
    passphrase_file: Path | None,
) -> None:
    """Certify a person's key: supervisors with the national key, assessors with yours."""
    from ombud_desktop.files import write_atomically
    from ombud_desktop.services.keys import certify

    person = PublicKeyFile.read(key_file)
    made = certify(
        ctx.keys, person, role=role, province=province,
        unlock=lambda: ctx.keys.signing_key(read_passphrase(passphrase_file)),
        days=days, fallback_name=key_file.stem,
    )
    if made is None:  # the command line never cancels (a wrong passphrase raises)
        return
    write_atomically(out, made.data)
    cert = made.certificate
    click.echo(
        f"Certified {cert.subject_name} as {role} of {cert.province or 'every province'} "
        f"until {cert.not_after[:10]} ({short(cert.subject)}); wrote {out}"
    )
    click.echo(f"Serial (to revoke it later): {cert.serial}")


@keys.command("certificate")
@click.argument("cert_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.pass_obj
def keys_certificate(ctx: Any, cert_file: Path) -> None:
    """Install the certificate your supervisor (or pusat) made for your key."""
    from ombud_desktop.services.keys import install_certificate

    leaf = install_certificate(ctx.keys, cert_file.read_bytes(), name=cert_file.name)
    click.echo(
        f"Installed: {leaf.subject_name}, {leaf.role} of {leaf.province or 'every province'}, "
        f"valid until {leaf.not_after[:10]}. Every export now carries it."
    )


@keys.command("revoke")
@click.argument("serials", nargs=-1, required=True)
@click.option(
    "--out", "out", required=True, type=click.Path(dir_okay=False, path_type=Path),
    help="Where to write the revocation list to send to every province.",
)
@passphrase_file_option
@click.pass_obj
def keys_revoke(
    ctx: Any, serials: tuple[str, ...], out: Path, passphrase_file: Path | None
) -> None:
    """(pusat) Revoke certificates: a new numbered list replacing the last one, installed here."""
    import uuid

    from ombud_desktop.files import write_atomically
    from ombud_desktop.packages.certificates import installed_revocations, revoke

    store = ctx.keys
    if not store.is_national():
        raise KeyError_(
            "only pusat's national key revokes certificates",
            code="certify_not_allowed",
            hint="Ask pusat to revoke the certificate.",
        )
    for serial in serials:
        try:
            uuid.UUID(serial)
        except ValueError:
            raise click.UsageError(f"{serial!r} is not a certificate serial") from None
    installed = installed_revocations(store.revocations())
    number = 1 if installed is None else installed.number + 1
    kept = set(installed.serials) if installed is not None else set()
    listed = revoke(store.signing_key(read_passphrase(passphrase_file)), kept | set(serials),
                    number=number)
    doc = listed.to_json()
    write_atomically(out, (json.dumps(doc, indent=2) + "\n").encode())
    store.set_revocations(doc)
    click.echo(f"Revocation list {number}: {len(listed.serials)} serial(s); wrote {out}")


@keys.command("revocations")
@click.argument("list_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.pass_obj
def keys_revocations(ctx: Any, list_file: Path) -> None:
    """Install pusat's newest revocation list: the certificates on it count for nothing."""
    from ombud_desktop import strict_json
    from ombud_desktop.packages.authority import roots
    from ombud_desktop.packages.certificates import (
        CertificateError,
        Revocations,
        installed_revocations,
        newer_revocations,
    )

    store = ctx.keys
    try:
        doc = strict_json.loads(list_file.read_bytes()[: 8 * 2**20], what=list_file.name)
    except strict_json.JSONRefused as exc:
        raise CertificateError(exc.message, code="certificate_invalid") from None
    incoming = newer_revocations(
        Revocations.from_json(doc, name=list_file.name),
        installed_revocations(store.revocations()),
        roots(store),
    )
    store.set_revocations(incoming.to_json())
    click.echo(f"Installed revocation list {incoming.number}: {len(incoming.serials)} serial(s).")


def _own_role(store: Any) -> str:
    from ombud_desktop.services.keys import CERTIFIED, NATIONAL, own_role

    mine = own_role(store)
    if mine.kind == NATIONAL:
        return "national (pusat)"
    if mine.kind == CERTIFIED:
        return f"{mine.role} of {mine.province or '-'} (certified)"
    return "not certified"


@click.command("export")
@click.argument("assessment_ids", nargs=-1, required=True)
@click.option(
    "--out",
    "out_dir",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder the packages are written to (e.g. your outbox).",
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option(
    "--forward",
    is_flag=True,
    help="Forwarding to pusat: seal personal data to pusat's key too (`ombud keys pusat`).",
)
@passphrase_file_option
@click.pass_obj
def export(
    ctx: Any,
    assessment_ids: tuple[str, ...],
    out_dir: Path,
    as_json: bool,
    forward: bool,
    passphrase_file: Path | None,
) -> None:
    """Write a signed package for each assessment."""
    with ctx.workspace(write=True) as workspace:  # it keeps the batch it signs
        ids = [workspace.resolve_assessment_id(i) for i in assessment_ids]
        passphrase = read_passphrase(passphrase_file)
        results = PackageService(workspace, ctx.keys).export(
            ids, out_dir, passphrase, forward=forward
        )
    if as_json:
        echo_json([r.to_json() for r in results])
        return
    for result in results:
        note = {
            "encrypted": "personal data encrypted",
            "withheld": "personal data left out (no receiving key: yours, your supervisor's "
            "or your team's)",
            "none": "no personal data",
        }[result.personal]
        click.echo(f"{result.path}  ({result.size / 1024:.0f} KB, {note})")

@click.command("verify")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@max_size_option
@click.pass_obj
def verify(ctx: Any, files: tuple[Path, ...], as_json: bool, max_size: int) -> None:
    """Check packages: format, every member, signature, trusted signer."""
    from ombud_desktop.packages.importer import verify_package

    reports = [
        verify_package(p, ctx.keys, max_bytes=max_size * 2**20) for p in package_files(files)
    ]
    if as_json:
        echo_json([r.to_json() for r in reports])
    else:
        for report in reports:
            if report.ok:
                click.echo(
                    f"{report.path}: valid, signed by {report.signer_name or '-'} "
                    f"({short(report.signer_fingerprint or '')})"
                )
            for problem in report.problems:
                click.echo(f"{report.path}: {problem.message}")
    if not reports or not all(r.ok for r in reports):
        raise SystemExit(EXIT_PROBLEMS)

@click.command("import")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the receipts as JSON.")
@click.option(
    "--trust-signer",
    default=None,
    metavar="FINGERPRINT",
    help="Accept this signer (full fingerprint, after comparing it) and trust it.",
)
@max_size_option
@passphrase_file_option
@click.pass_obj
def import_(
    ctx: Any,
    files: tuple[Path, ...],
    as_json: bool,
    trust_signer: str | None,
    max_size: int,
    passphrase_file: Path | None,
) -> None:
    """Import packages into this workspace (each one whole, or not at all)."""
    paths = package_files(files)
    passphrase = None
    if ctx.keys.has_receiving_key() and (passphrase_file or os.environ.get(PASSPHRASE_ENV)):
        passphrase = read_passphrase(passphrase_file)
    receipts: list[dict[str, Any]] = []
    refused = 0
    with ctx.workspace(create=True, write=True) as workspace:
        service = PackageService(workspace, ctx.keys, max_bytes=max_size * 2**20)
        # As a merge: the backup that undoes these imports first, each package kept beside it.
        cover = (
            cover_imports(service, passphrase=passphrase, backup=backup_place(ctx, workspace.root))
            if paths
            else None
        )
        for number, path in enumerate(paths, start=1):
            try:
                receipt = service.import_one(
                    path, passphrase=passphrase, trust_signer=trust_signer
                )
            except (PackageError, StorageError) as exc:  # refused, or broke a rule: this file
                if exc.code in WORKSPACE_FAILURES:
                    raise  # the workspace itself failed: every later file would too
                refused += 1
                receipts.append(
                    {
                        "path": str(path),
                        "refused": True,
                        "code": exc.code,
                        "message": exc.message,
                        "hint": exc.hint,
                        "problems": exc.data.get("problems", []),
                    }
                )
                if not as_json:
                    click.echo(f"[{number}/{len(paths)}] REFUSED {exc.message}", err=True)
                    click.echo(f"    {exc.hint}", err=True)
                continue
            receipts.append(receipt.to_json())
            if cover is not None:
                cover.keep([receipt])
            if not as_json:
                _echo_receipt(number, len(paths), receipt.to_json())
        # With the receiving key unlocked, personal data kept from earlier imports is opened.
        reopened = service.reopen_personal(passphrase) if passphrase is not None else []
    if not as_json and reopened:
        echo_reopened(reopened)
    if not as_json and cover is not None:
        echo_undo(
            cover.backup,
            made=cover.made,
            kept=cover.kept,
            own_work_kept=cover.own_work_kept,
            keep_failed=cover.keep_failed,
            merged=False,
        )
    if as_json:
        echo_json(receipts)
    if refused or not paths:
        raise SystemExit(EXIT_PROBLEMS)


COMMANDS = [keys, export, verify, import_]


def echo_reopened(results: list[Any]) -> None:
    """Print what opening kept personal data did, one line per package and assessment."""
    if not results:
        click.echo("No personal data was waiting for your key.")
    for r in results:
        where = f"{r.entity} › {r.locus}" if r.entity else r.assessment_id[:8]
        if r.status == "refused":
            click.echo(f"REFUSED {where} ({r.file_name}): {r.message}", err=True)
        elif r.pending:
            click.echo(
                f"{where}: {r.pending} personal change(s) held (the assessment is approved here)"
            )
        else:
            click.echo(f"{where}: personal data opened, {r.added} change(s) added")


def _echo_receipt(number: int, total: int, receipt: dict[str, Any]) -> None:
    name = Path(receipt["path"]).name
    if receipt["nothing_new"]:
        what = "already imported, nothing new"
        if any(a["status"] == "older" for a in receipt["assessments"]):
            what = "older than what you have, nothing changed"
        click.echo(f"[{number}/{total}] {name}: {what}")
        return
    signer = receipt["signer"]
    claimed = signer.get("claimed_name")
    also = f" (who calls itself {claimed})" if claimed else ""
    click.echo(f"[{number}/{total}] {name}: signed by {signer['name'] or '-'}{also}")
    words = {
        "new": "new",
        "updated": "newer changes added",
        "conflicts": "CONFLICTING EDITS",
        "already_present": "already present",
        "older": "older than what you have",
        "pending": "HELD: the assessment is approved here",
    }
    personal = {
        "imported": "",
        "withheld": "; personal data left out by the sender",
        "locked": "; personal data kept sealed (open it with `ombud personal unlock`)",
        "other_recipient": "; personal data is encrypted to another supervisor",
        "none": "",
    }
    for entry in receipt["assessments"]:
        click.echo(
            f"    {entry['entity']} › {entry['locus']} ({entry['period']}): "
            f"{words[entry['status']]}, {entry['added']} changes{personal[entry['personal_data']]}"
        )
        if entry.get("duplicate_of"):
            click.echo(
                f"      DUPLICATE: {short_id(entry['duplicate_of'])} assesses the same locus in "
                "the same period; neither counts until you keep one (`ombud duplicates keep`)"
            )
        if entry.get("pending"):
            click.echo(
                f"      {entry['pending']} change(s) arrived after approval: kept, not counted "
                "until you accept them (`ombud review accept`) or return the assessment"
            )
        for conflict in entry["conflicts"]:
            values = " | ".join(
                f"{json.dumps(v['value'], ensure_ascii=False)} by {v['author']} at {v['at'][:16]}"
                for v in conflict["versions"]
            )
            click.echo(f"      conflict in {conflict['cell']}: {values}")
