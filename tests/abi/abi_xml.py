#!/usr/bin/env python3
"""Helpers of test_abi.sh that edit abidw XML (ABIXML) files.

prefix RECORDED FRESH OUT
    Copy FRESH to OUT, with every versioned struct (an egdi_* struct whose
    first member is `version`) cut back to the members it has in RECORDED:
    members appended after them are removed and the size is set to the
    recorded size. abidiff then compares the recorded members (names, types,
    offsets) and nothing else, which is the rule of docs/STABILITY.md: a
    version's layout never changes, new fields only go at the end.
    (abigail 2.2's `has_data_member_inserted_at = end` cannot express this: it
    also hides members whose type or offset changed, as long as none was
    removed and the struct did not shrink.)

mutate KIND IN OUT
    Write a deliberately broken or extended copy of IN, for the controls of
    test_abi.sh:
      remove-function       egdi_version_string is no longer exported
      reorder-member        members 2 and 3 of egdi_csv_options swap offsets
      append-member         egdi_csv_options gets one more member at the end
      remove-experimental   egdi_plan_free is no longer exported
"""
import sys
import xml.etree.ElementTree as ET


def load(path):
    return ET.parse(path)


def structs(tree):
    """Every full (not declaration-only) struct definition, with its name."""
    for c in tree.iter("class-decl"):
        if c.get("is-declaration-only") != "yes" and c.find("data-member") is not None:
            yield c.get("name"), c


def member_name(dm):
    return dm.find("var-decl").get("name")


def is_versioned(name, c):
    members = c.findall("data-member")
    return name.startswith("egdi_") and members and member_name(members[0]) == "version"


def prefix(recorded, fresh, out):
    old = {}
    for name, c in structs(load(recorded)):
        if is_versioned(name, c):
            old[name] = (len(c.findall("data-member")), c.get("size-in-bits"))
    tree = load(fresh)
    cut = set()
    for name, c in structs(tree):
        if name not in old:
            continue
        n_old, size_old = old[name]
        members = c.findall("data-member")
        if len(members) > n_old:
            for dm in members[n_old:]:
                c.remove(dm)
            c.set("size-in-bits", size_old)
            cut.add("%s: %d members compared, %d appended" % (name, n_old, len(members) - n_old))
    for line in sorted(cut):
        print("versioned struct " + line)
    tree.write(out)


def drop_symbol(tree, symbol):
    n = 0
    for parent in list(tree.iter()):
        for child in list(parent):
            if (child.tag == "elf-symbol" and child.get("name") == symbol) or (
                child.tag == "function-decl" and child.get("elf-symbol-id") == symbol
            ):
                parent.remove(child)
                n += 1
    if n == 0:
        sys.exit(symbol + " not found")


def mutate(kind, src, out):
    tree = load(src)
    csv = [c for name, c in structs(tree) if name == "egdi_csv_options"]
    if kind == "remove-function":
        drop_symbol(tree, "egdi_version_string")
    elif kind == "remove-experimental":
        drop_symbol(tree, "egdi_plan_free")
    elif kind == "reorder-member":
        for c in csv:
            a, b = c.findall("data-member")[1:3]
            oa, ob = a.get("layout-offset-in-bits"), b.get("layout-offset-in-bits")
            a.set("layout-offset-in-bits", ob)
            b.set("layout-offset-in-bits", oa)
    elif kind == "append-member":
        for c in csv:
            size = int(c.get("size-in-bits"))
            first = c.find("data-member")
            dm = ET.SubElement(c, "data-member", {"access": "public",
                                                  "layout-offset-in-bits": str(size)})
            ET.SubElement(dm, "var-decl", {"name": "abi_test_appended",
                                           "type-id": first.find("var-decl").get("type-id"),
                                           "visibility": "default"})
            c.set("size-in-bits", str(size + 64))
    else:
        sys.exit("unknown mutation " + kind)
    if kind in ("reorder-member", "append-member") and not csv:
        sys.exit("egdi_csv_options not found in " + src)
    tree.write(out)


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "prefix":
        prefix(*sys.argv[2:])
    elif len(sys.argv) == 5 and sys.argv[1] == "mutate":
        mutate(*sys.argv[2:])
    else:
        sys.exit(__doc__)
