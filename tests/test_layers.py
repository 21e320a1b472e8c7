"""The import contract: the layer order written in docs/architecture.md holds, and no module imports
itself through others. Read from the source with ast, so imports inside functions count too: a lazy
import that closes a cycle only moves the cycle's failure from import time to call time."""
import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "chronus_shell"
BASE = {"chronus_shell", "chronus_shell.paths", "chronus_shell.protocol.message"}  # any layer may use these


def documented_layers() -> list[str]:
    """The order in docs/architecture.md ('order, inner first: `engine` ← `protocol` ← …')."""
    text = (ROOT / "docs" / "architecture.md").read_text()
    line = re.search(r"order, inner\s+first:\s*((?:`[a-z]+`\s*←\s*)+`[a-z]+`)", text)
    assert line, "docs/architecture.md no longer states the layer order"
    return re.findall(r"`([a-z]+)`", line.group(1))


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path) -> set[str]:
    """Every chronus_shell module this file imports (at the top or inside functions)."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[:len(base) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.startswith("chronus_shell"):
                modules = {f"{target}.{alias.name}" for alias in node.names}
                found |= {m for m in modules if _exists(m)} or {target}
        elif isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names if alias.name.startswith("chronus_shell")}
    return {_existing(m) for m in found} - {name}


def _exists(module: str) -> bool:
    rel = Path(*module.split(".")[1:])
    return (PACKAGE / rel).with_suffix(".py").is_file() or (PACKAGE / rel / "__init__.py").is_file()


def _existing(module: str) -> str:
    while not _exists(module) and "." in module:
        module = module.rsplit(".", 1)[0]
    return module


def layer_of(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def graph() -> dict[str, set[str]]:
    return {module_name(p): imports_of(p) for p in PACKAGE.rglob("*.py")}


def test_the_documented_layers_are_the_packages():
    packages = {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").is_file()}
    assert set(documented_layers()) == packages


def test_no_inner_layer_imports_an_outer_one():
    order = documented_layers()
    wrong = []
    for module, targets in graph().items():
        for target in targets - BASE:
            inner, outer = layer_of(module), layer_of(target)
            if inner in order and outer in order and order.index(outer) > order.index(inner):
                wrong.append(f"{module} imports {target}")
            elif module not in BASE and outer not in order:
                wrong.append(f"{module} imports {target}, which is in no layer")
    assert not wrong, "\n".join(sorted(wrong))



def cycles(edges: dict[str, set[str]]) -> list[frozenset[str]]:
    """The strongly connected components of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found = []
    for root in sorted(edges):
        if root in index:
            continue
        work = [(root, iter(sorted(edges[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        while work:
            module, targets = work[-1]
            target = next((t for t in targets if t in edges), None)
            if target is not None:
                if target not in index:
                    index[target] = low[target] = len(index)
                    stack.append(target)
                    work.append((target, iter(sorted(edges[target]))))
                elif target in stack:
                    low[module] = min(low[module], index[target])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[module])
            if low[module] == index[module]:
                component = set()
                while True:
                    member = stack.pop()
                    component.add(member)
                    if member == module:
                        break
                if len(component) > 1:
                    found.append(frozenset(component))
    return found


def test_cycles_are_found():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [frozenset("abc")]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_no_module_imports_itself_through_others():
    found = cycles(graph())
    assert not found, "import cycles:\n" + "\n".join(" ↔ ".join(sorted(c)) for c in found)


def test_benchmarks_and_scripts_import_modules_that_exist():
    """They import inside functions, out of the suite's sight: a module moved must be followed there."""
    gone = []
    for path in [*(ROOT / "benchmarks").glob("*.py"), *(ROOT / "scripts").glob("*.py")]:
        for node in ast.walk(ast.parse(path.read_text())):
            names = [node.module or ""] if isinstance(node, ast.ImportFrom) and not node.level else \
                [alias.name for alias in node.names] if isinstance(node, ast.Import) else []
            gone += [f"{path.name}: {name}" for name in names
                     if name.startswith("chronus_shell") and not _exists(name)]
    assert not gone, "imports of modules that do not exist:\n" + "\n".join(gone)
