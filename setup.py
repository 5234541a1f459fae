"""Packaging for animerec: every field comes from settings.ini (nbdev 2)."""
from configparser import ConfigParser

import setuptools

cfg = ConfigParser(delimiters=["="])
cfg.read("settings.ini", encoding="utf-8")
meta = cfg["DEFAULT"]

setuptools.setup(
    name=meta["lib_name"],
    version=meta["version"],
    description=meta["description"],
    long_description=open("README.md", encoding="utf-8").read(),
    long_description_content_type="text/markdown",
    author=meta["author"],
    author_email=meta["author_email"],
    license="Apache-2.0",
    url=meta["git_url"],
    keywords=meta["keywords"].split(),
    python_requires=">=" + meta["min_python"],
    packages=setuptools.find_packages(include=[meta["lib_name"], meta["lib_name"] + ".*"]),
    include_package_data=True,
    install_requires=meta["requirements"].split(),
    extras_require={"dev": meta["dev_requirements"].split()},
    entry_points={
        "console_scripts": meta["console_scripts"].split(),
        "nbdev": [f"{meta['lib_name']}={meta['lib_name']}._modidx:d"],
    },
    zip_safe=False,
)
