"""User modules: one Python file per module type in the user's modules folder.

A user module is the same API as the built-in ones (a `Module` subclass with a `ModuleSpec` and a
block `process`), written by the musician and loaded at run time. This file is the pure part:
where the folder is, which files and specs are valid, and how a file's source becomes a class.
How the class enters the catalogue and replaces running instances is `install.py`;
running untrusted code safely (import and test render in a sandbox worker) is `supervisor/user_modules/`.

Rules, enforced here and documented in docs/modules.md:
- only `<name>.py` directly inside the modules folder (symlinks resolved), `name` a lowercase
  identifier (`[a-z][a-z0-9_]*`, at most 32 characters, not a Python keyword, not a built-in type);
- the source is executed as the module `chronus_user.<name>` and registered in `sys.modules`, so a
  pickled instance unpickles in any process that has loaded the same source (the slots do);
- the file defines exactly one `Module` subclass whose `spec.type` equals the file's stem;
- nothing else is ever imported from user paths (the folder is never put on `sys.path`).

The shell process never executes user code: it learns a module's spec from the pool's verdict
(`spec_from_data`) and registers a spec-only class (`install.spec_class`) so the
language, completion and help know the type; only the slot processes (and pool workers) execute
the source.
"""
from __future__ import annotations

import hashlib
import importlib.util
import keyword
import linecache
import os
import re
import sys
import types
from pathlib import Path

from ..catalogue import BUILTIN_MODULES
from ..modules.base import Module
from ..params import ModuleSpec, ParamSpec
from ...paths import data_dir

USER_PACKAGE = "chronus_user"
NAME_PATTERN = re.compile(r"[a-z][a-z0-9_]{0,31}")
ROLES = ("source", "processor", "modulator", "drum")
MAX_SOURCE_BYTES = 1_000_000


class ModuleLoadError(ValueError):
    """A user module file was refused; the text is one readable line for the user."""


# -- where modules live ---------------------------------------------------------------------
def modules_folder(override: str | Path | None = None) -> Path:
    """The user modules folder: `override` (`--modules DIR`) or `<data dir>/modules`; created, resolved."""
    if override is not None:
        folder = Path(override).expanduser()
    else:
        folder = data_dir() / "modules"
    folder.mkdir(parents=True, exist_ok=True)
    return folder.resolve()


def logs_folder() -> Path:
    """`<data dir>/logs/modules`: one log per module file, rewritten at each validation."""
    folder = data_dir() / "logs" / "modules"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def builtin_names() -> dict[str, str]:
    """Every built-in type name and alias → the built-in type that owns it (user modules may not reuse them)."""
    names: dict[str, str] = {}
    for cls in BUILTIN_MODULES:
        names[cls.spec.type] = cls.spec.type
        for alias in cls.spec.aliases:
            names.setdefault(alias, cls.spec.type)
    return names


def check_name(name: str) -> str:
    """A valid user module type name, or ModuleLoadError saying what a name must look like."""
    if not NAME_PATTERN.fullmatch(name) or keyword.iskeyword(name):
        raise ModuleLoadError(
            f"bad module file name {name + '.py'!r}: use a lowercase Python name like my_chorus.py "
            "(a-z, 0-9, _, starting with a letter, at most 32 characters)")
    owner = builtin_names().get(name)
    if owner is not None:
        raise ModuleLoadError(f"{name!r} is already a built-in module name ({owner}): rename the file")
    return name


def check_module_path(path: str | Path, folder: str | Path | None = None) -> tuple[str, Path]:
    """(type name, resolved path) of a module file, or ModuleLoadError.

    The file must be a `.py` file directly inside the modules folder once every symlink is resolved
    (so a link pointing elsewhere, `../x.py` or a file in a subfolder is refused).
    """
    root = modules_folder(folder)
    given = Path(path).expanduser()
    if not given.is_absolute():
        given = root / given
    resolved = given.resolve()
    if resolved.parent != root:
        raise ModuleLoadError(f"{given} is not directly inside the modules folder {root}: "
                              "user modules load only from there")
    if resolved.suffix != ".py":
        raise ModuleLoadError(f"{resolved.name} is not a Python file (.py)")
    return check_name(resolved.stem), resolved


def read_source(path: Path) -> str:
    """The text of a module file (PEP 263 encoding cookies honoured), or ModuleLoadError."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ModuleLoadError(f"{path.name} does not exist") from None
    except OSError as err:
        raise ModuleLoadError(f"cannot read {path.name}: {err.strerror or err}") from None
    if len(data) > MAX_SOURCE_BYTES:
        raise ModuleLoadError(f"{path.name} is larger than {MAX_SOURCE_BYTES // 1000} kB")
    if not data.strip():
        raise ModuleLoadError(f"{path.name} is empty")
    try:
        return importlib.util.decode_source(data)
    except (UnicodeDecodeError, SyntaxError) as err:
        raise ModuleLoadError(f"{path.name} is not valid text: {err}") from None


def module_files(folder: str | Path | None = None) -> list[Path]:
    """The candidate module files in the folder (every `*.py`, dot files excluded), sorted."""
    root = modules_folder(folder)
    return sorted(p for p in root.glob("*.py") if not p.name.startswith("."))


# -- spec checks -----------------------------------------------------------------------------
def check_spec(spec, name: str) -> ModuleSpec:
    """Validate a user module's ModuleSpec against the rules the language and engine rely on."""
    if not isinstance(spec, ModuleSpec):
        raise ModuleLoadError(f"spec must be a ModuleSpec(...), got {type(spec).__name__}")
    if spec.type != name:
        raise ModuleLoadError(f"spec type {spec.type!r} must equal the file name {name!r} ({name}.py)")
    if spec.role not in ROLES:
        raise ModuleLoadError(f"role {spec.role!r} must be one of {', '.join(ROLES)}")
    if not isinstance(spec.params, tuple):
        raise ModuleLoadError("params must be a tuple of number(...) / choice(...)")
    builtin = builtin_names()
    for alias in spec.aliases:
        if not isinstance(alias, str) or not alias.strip():
            raise ModuleLoadError(f"module alias {alias!r} must be a non-empty string")
        if alias in builtin:
            raise ModuleLoadError(f"alias {alias!r} is already a built-in module name ({builtin[alias]})")
    seen: dict[str, str] = {}
    for param in spec.params:
        if not isinstance(param, ParamSpec):
            raise ModuleLoadError(f"params must hold number(...) / choice(...), got {type(param).__name__}")
        _check_param(param)
        for word in (param.name, *param.aliases):
            if word in seen:
                raise ModuleLoadError(f"param name {word!r} is used twice ({seen[word]} and {param.name})")
            seen[word] = param.name
    return spec


def _check_param(param: ParamSpec) -> None:
    if not isinstance(param.name, str) or not NAME_PATTERN.fullmatch(param.name):
        raise ModuleLoadError(f"param name {param.name!r} must be lowercase a-z, 0-9, _ (starting with a letter)")
    for alias in param.aliases:
        if not isinstance(alias, str) or not alias.strip() or alias != alias.lower():
            raise ModuleLoadError(f"param {param.name}: alias {alias!r} must be a non-empty lowercase string")
    if param.is_enum:
        if not all(isinstance(c, str) and c and c == c.lower() for c in param.choices):
            raise ModuleLoadError(f"param {param.name}: choices must be non-empty lowercase strings")
        if param.default not in param.choices:
            raise ModuleLoadError(f"param {param.name}: default {param.default!r} is not one of its choices")
        return
    try:
        low, high, default = float(param.low), float(param.high), float(param.default)
    except (TypeError, ValueError):
        raise ModuleLoadError(f"param {param.name}: low, high and default must be numbers") from None
    if not (low == low and high == high and abs(low) != float("inf") and abs(high) != float("inf")):
        raise ModuleLoadError(f"param {param.name}: the range must be finite")
    if not low < high:
        raise ModuleLoadError(f"param {param.name}: low {low:g} must be below high {high:g}")
    if not low <= default <= high:
        raise ModuleLoadError(f"param {param.name}: default {default:g} is outside {low:g}–{high:g}")


def spec_to_data(spec: ModuleSpec) -> dict:
    """A spec as plain builtins (crosses the pool's pipe without unpickling anything user-defined)."""
    return {
        "type": str(spec.type), "role": str(spec.role), "doc": str(spec.doc),
        "aliases": [str(a) for a in spec.aliases],
        "params": [
            {"name": str(p.name), "unit": str(p.unit),
             "default": p.default if isinstance(p.default, str) else float(p.default),
             "low": None if p.low is None else float(p.low), "high": None if p.high is None else float(p.high),
             "choices": [str(c) for c in p.choices], "aliases": [str(a) for a in p.aliases], "doc": str(p.doc)}
            for p in spec.params
        ],
    }


def spec_from_data(data: dict) -> ModuleSpec:
    """The inverse of spec_to_data (checked again, so a bad payload is refused here too)."""
    params = tuple(
        ParamSpec(p["name"], p["unit"], p["default"], p["low"], p["high"], tuple(p["choices"]),
                  tuple(p["aliases"]), p["doc"])
        for p in data["params"]
    )
    spec = ModuleSpec(data["type"], data["role"], params, data["doc"], tuple(data["aliases"]))
    return check_spec(spec, data["type"])


# -- loading ---------------------------------------------------------------------------------
def module_name(name: str) -> str:
    """The import name a user module runs under: `chronus_user.<name>`."""
    return f"{USER_PACKAGE}.{name}"


def _package() -> types.ModuleType:
    package = sys.modules.get(USER_PACKAGE)
    if package is None:
        package = types.ModuleType(USER_PACKAGE, "User modules loaded from the modules folder (no files).")
        package.__path__ = []  # a package with no search path: nothing can be imported from it
        sys.modules[USER_PACKAGE] = package
    return package


def load_module_source(name: str, source_text: str, path: str | Path) -> type[Module]:
    """Execute a module file's source as `chronus_user.<name>` and return its Module class.

    The module object is registered in `sys.modules` (and on the `chronus_user` package) so that
    instances pickle by reference and unpickle in any process that loaded the same source. On any
    failure the previous version (if any) stays registered and the exception propagates: user
    exceptions as they are (their traceback points into the file), rule violations as
    ModuleLoadError.
    """
    cls, module = execute_module_source(name, source_text, path)
    activate(cls, module)
    return cls


def activate(cls: type[Module], module: types.ModuleType | None = None) -> None:
    """Make `cls`'s source module the one `chronus_user.<name>` resolves to (pickling, imports)."""
    module = module if module is not None else sys.modules.get(cls.__module__)
    if module is None:
        return
    sys.modules[module.__name__] = module
    setattr(_package(), module.__name__.rsplit(".", 1)[-1], module)


def execute_module_source(name: str, source_text: str, path: str | Path) -> tuple[type[Module], types.ModuleType]:
    """Run the source and find its class; `sys.modules` is left as it was before (see activate)."""
    check_name(name)
    path = _code_path(name, source_text, path)
    qualified = module_name(name)
    code = compile(source_text, path, "exec", dont_inherit=True)
    module = types.ModuleType(qualified)
    module.__file__ = path
    module.__package__ = USER_PACKAGE
    module.__builtins__ = __builtins__
    # tracebacks show the source that ran, even if the file changed since
    lines = source_text.splitlines(keepends=True)
    linecache.cache[path] = (len(source_text), None, lines, path)
    _package()
    previous = sys.modules.get(qualified)
    sys.modules[qualified] = module  # during exec: dataclasses, typing and numba look the module up
    try:
        exec(code, module.__dict__)
        cls = _the_module_class(module, name)
    finally:
        if previous is None:
            sys.modules.pop(qualified, None)
        else:
            sys.modules[qualified] = previous
    return cls, module


def _code_path(name: str, source_text: str, path: str | Path) -> str:
    """The filename the code runs under: the module file itself, or, once that file is gone (deleted
    after validation), a content-addressed copy under `<data dir>/cache/modules/` so numba's
    `cache=True` (which needs a real source file) keeps working in a slot started later."""
    if os.path.isfile(path):
        return str(path)
    digest = hashlib.sha256(source_text.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    copy = data_dir() / "cache" / "modules" / f"{name}_{digest}.py"
    try:
        if not copy.is_file():
            copy.parent.mkdir(parents=True, exist_ok=True)
            temporary = copy.with_suffix(f".{os.getpid()}.tmp")
            temporary.write_text(source_text, encoding="utf-8")
            os.replace(temporary, copy)
        return str(copy)
    except OSError:
        return str(path)


def _the_module_class(module: types.ModuleType, name: str) -> type[Module]:
    classes = [
        value for value in vars(module).values()
        if isinstance(value, type) and issubclass(value, Module) and value.__module__ == module.__name__
    ]
    if not classes:
        raise ModuleLoadError(f"{name}.py defines no Module subclass (class ...(Module) with spec and process)")
    if len(classes) > 1:
        names = ", ".join(sorted(c.__name__ for c in classes))
        raise ModuleLoadError(f"{name}.py defines {len(classes)} Module classes ({names}): keep exactly one per file")
    cls = classes[0]
    if "spec" not in vars(cls):
        raise ModuleLoadError(f"class {cls.__name__} has no spec = ModuleSpec(...)")
    check_spec(cls.spec, name)
    if cls.process is Module.process:
        raise ModuleLoadError(f"class {cls.__name__} does not define process(self, audio_in, params)")
    return cls


__all__ = [
    "ModuleLoadError", "USER_PACKAGE", "activate", "check_module_path", "check_name", "check_spec",
    "execute_module_source", "load_module_source", "module_files", "modules_folder",
    "read_source", "spec_from_data", "spec_to_data",
]
