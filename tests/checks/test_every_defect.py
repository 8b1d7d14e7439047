"""The issue's promise: one tree holding every defect gets every one reported in one run."""

from __future__ import annotations

from conftest import Project
from test_cli import run_briefing

TREE = {
    "content/actors/sdf.yml": """
        name: {ar: قوات سوريا الديمقراطية, en: Syrian Democratic Forces}
        short_name: {ar: قسد, en: SDF}
        type: armed-group
        affiliations:
          - {actor: ypj, relation: backed-by}
          - {actor: ypg, relation: part-of}
        """,
    "content/actors/ypg.yml": """
        name: {ar: وحدات حماية الشعب, en: People's Protection Units}
        aliases: {en: [sdf]}
        type: armed-group
        type: militia
        affiliations:
          - {actor: sdf, relation: part-of}
        """,
    "content/actors/broken.yml": "name: {ar: قسد, en: [SDF}\n",
    "content/actors/asayish.yml": "name: {ar: الأسايش, en: Asayish}\ntype: 12\nwikidata: Q0\n",
    "content/locations/deir-ez-zor.yml": """
        name: {ar: دير الزور, en: Deir ez-Zor}
        kind: city
        parent: dez-gov
        coordinates: {lat: 140.15, lon: 35.33}
        """,
    "content/locations/dez-gov.yml": """
        name: {ar: محافظة دير الزور, en: Deir ez-Zor Governorate}
        kind: governorate
        parent: deir-ez-zor
        """,
    "content/sources/basnews.yml": "name: {ar: باسنيوز, en: BasNews}\nkind: news-agency\n",
    "content/articles/2016/rift/meta.yml": """
        date: ٢٠١٧-٠٨-٠٧
        updated: 2017-02-30
        status: published
        actros: [sdf]
        locations: [deir-ezzor]
        sources:
          - {source: basnews, via: rasd}
        tags: [oil]
        """,
    "content/articles/2016/rift/ar.md":
        "---\ntitle: A rift\n---\nThe Coalition and the SDF disagree over Deir ez-Zor.\n",
    "content/articles/2016/rift/en.md": "---\ntitle: خلاف\n---\nخلافات بين التحالف وقسد حول معركة دير الزور.\n",
    "content/articles/2017/open-fence/meta.yml": "date: 2017-13\nstatus: published\n",
    "content/articles/2017/open-fence/ar.md": "---\ntitle: عنوان\nنص بلا نهاية للمقدمة\n",
}

EXPECTED = [
    "content/actors/broken.yml:1:25: error: YAML syntax error: did not find expected ',' or ']' [yaml-syntax]",
    "content/actors/sdf.yml:5:13: error: unknown actor 'ypj' in affiliations[0].actor (did you mean 'ypg'?)"
    " [unknown-reference]",
    "content/actors/sdf.yml:6:13: error: part-of cycle: sdf → ypg → sdf [cycle]",
    "content/actors/asayish.yml:2:7: error: unknown type '12' (one of: state, government, armed-forces, "
    "security-forces, armed-group, militia, coalition, political-party, political-organisation, tribe, "
    "person, media, organisation) [unknown-value]",
    "content/actors/asayish.yml:3:11: error: wikidata: 'Q0' is not a Wikidata item id such as Q858 [invalid-format]",
    "content/actors/ypg.yml:4:1: error: duplicate key 'type' (first given on line 3); "
    "YAML would silently keep only the last one [duplicate-key]",
    "content/actors/ypg.yml:2:16: error: en name 'sdf' is also a name of actor 'sdf' (content/actors/sdf.yml): "
    "if both are meant, list it under ambiguous_aliases.en in both files [shared-name]",
    "content/articles/2016/rift/ar.md:2:8: error: ar.md is mostly not in Arabic script (0% Arabic letters): "
    "are ar.md and en.md swapped? [wrong-script]",
    "content/articles/2016/rift/en.md:2:8: error: en.md is mostly in Arabic script (100% Arabic letters): "
    "are ar.md and en.md swapped? [wrong-script]",
    "content/articles/2016/rift/meta.yml:1:7: error: date 2017-08-07 is in 2017 but the article is filed "
    "under 2016/: move it with 'briefing rename article rift rift', which keeps its address working [date-order]",
    "content/articles/2016/rift/meta.yml:2:10: error: updated '2017-02-30' is not a real calendar date [invalid-date]",
    "content/articles/2016/rift/meta.yml:4:1: error: unknown field 'actros' (did you mean 'actors'?) [unknown-field]",
    "content/articles/2016/rift/meta.yml:5:13: error: unknown location 'deir-ezzor' in locations[0] "
    "(did you mean 'deir-ez-zor'?) [unknown-reference]",
    "content/articles/2016/rift/meta.yml:7:28: error: unknown source 'rasd' in sources[0].via [unknown-reference]",
    "content/articles/2016/rift/meta.yml:8:8: error: unknown tag 'oil' in tags[0] [unknown-reference]",
    "content/articles/2017/open-fence/ar.md:1:1: error: front matter opened on line 1 is never closed with '---'"
    " [front-matter]",
    "content/articles/2017/open-fence/meta.yml:1:7: error: date '2017-13' has no month 13 [invalid-date]",
    "content/locations/deir-ez-zor.yml:4:14: error: coordinates out of range (lat must be within ±90, "
    "lon within ±180); lat and lon look swapped (lat: 35.33, lon: 140.15?) [coordinates-out-of-range]",
    "content/locations/deir-ez-zor.yml:3:9: error: parent cycle: deir-ez-zor → dez-gov → deir-ez-zor [cycle]",
]


def test_every_defect_in_one_run_without_traceback_or_change(project: Project) -> None:
    for path, text in TREE.items():
        project.write(path, text)
    before = project.fingerprint()
    result = run_briefing("check", cwd=project.root)
    assert result.returncode == 1
    assert result.stderr == ""
    assert sorted(result.stdout.splitlines()[:-1]) == sorted(EXPECTED)
    assert result.stdout.splitlines()[-1] == f"{len(EXPECTED)} errors, 0 warnings"
    assert project.fingerprint() == before
