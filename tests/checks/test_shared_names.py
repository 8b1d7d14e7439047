"""A name two entries share on purpose: a mention of each, never reported missing, linked
only to the one the article lists."""

from __future__ import annotations

import json

from conftest import Project, write_minimal_article

from build_tools.cli import main
from build_tools.publish.linkcheck import page_file

SHARED = {"turkey": ("تركيا", "Turkey", "state"), "turkish-army": ("الجيش التركي", "Turkish Armed Forces",
                                                                  "armed-forces")}


def test_a_name_shared_on_purpose_is_a_mention_of_each_never_missing_and_linked_only_to_the_listed(
        project: Project, capsys) -> None:
    for id_, (ar, en, type_) in SHARED.items():
        project.write(f"content/actors/{id_}.yml", f"name: {{ar: {ar}, en: {en}}}\ntype: {type_}\n"
                                                   "ambiguous_aliases: {ar: [الأتراك], en: [the Turks]}\n")
    folder = write_minimal_article(project, ar="---\ntitle: عن الأتراك\n---\nقال الأتراك إنهم يراقبون.\n",
                                   en="---\ntitle: On the Turks\n---\nThe Turks said they were watching.\n",
                                   meta="date: 2017-08-07\nstatus: published\nactors: [turkey]\n")
    assert project.check(capsys) == (0, ["0 errors, 0 warnings"])
    assert main(["suggest", str(project.root / folder), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["actors"] == {"turkey": 4, "turkish-army": 4}
    english = page_file(project.build(), "/en/articles/2017-08-07-a/").read_text(encoding="utf-8")
    assert '<a class="briefing-mention" href="../../actors/turkey/">The Turks</a> said' in english
    project.write(f"{folder}/meta.yml", "date: 2017-08-07\nstatus: published\nactors: [turkey, turkish-army]\n")
    english = page_file(project.build(), "/en/articles/2017-08-07-a/").read_text(encoding="utf-8")
    assert "briefing-mention" not in english  # both listed: which one is meant cannot be told
