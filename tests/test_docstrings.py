"""Every exported function, class and public method says what it returns, and names what it raises."""
import importlib
import inspect
import re

import pytest

MODULES = ["data", "sample", "prepare", "config", "model", "recommend", "evaluate", "report", "cli"]


def exported():
    for m in MODULES:
        mod = importlib.import_module(f"animerec.{m}")
        for name in mod.__all__:
            obj = getattr(mod, name)
            if inspect.isfunction(obj):
                yield f"{m}.{name}", obj
            elif inspect.isclass(obj) and obj.__module__ == mod.__name__:
                yield f"{m}.{name}", obj
                for attr, member in vars(obj).items():
                    func = member.__func__ if isinstance(member, (classmethod, staticmethod)) else member
                    if not attr.startswith("_") and inspect.isfunction(func):
                        yield f"{m}.{name}.{attr}", func


ALL = list(exported())


@pytest.mark.parametrize("name, obj", ALL, ids=[n for n, _ in ALL])
def test_documented(name, obj):
    doc = inspect.getdoc(obj) or ""
    assert doc.strip(), f"{name} has no docstring"
    if inspect.isfunction(obj):
        source = inspect.getsource(obj)
        raises = set(re.findall(r"^\s+raise (\w+)\(", source, re.M)) - {"RuntimeError"}
        assert all(r in doc or "raise" in doc.lower() for r in raises), \
            f"{name} raises {sorted(raises)} but its docstring does not say so"
