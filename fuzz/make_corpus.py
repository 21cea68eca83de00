#!/usr/bin/env python3
"""Write the seed corpus of the libFuzzer harnesses to fuzz/corpus/<target>/.

Run from anywhere: python3 fuzz/make_corpus.py. The seeds are committed; this
script documents how they were made and regenerates them (it rewrites every
seed it knows and leaves other files alone). Real rows come from
data/un-egov/, tests/fixtures/ and tests/golden/coinr-asem/.
"""
import os
import struct

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "fuzz", "corpus")
BOM = b"\xef\xbb\xbf"


def read(rel):
    with open(os.path.join(ROOT, rel), "rb") as f:
        return f.read()


def lines(rel, n):
    """The header and the first n data lines of a file (LF line ends)."""
    return b"\n".join(read(rel).replace(b"\r\n", b"\n").split(b"\n")[: n + 1]) + b"\n"


def columns(text, k, sep=b","):
    """The first k columns of a simple CSV text (no quoted separators)."""
    return b"\n".join(sep.join(l.split(sep)[:k]) for l in text.split(b"\n")) + b""


def write(target, name, data):
    d = os.path.join(OUT, target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


# ---------------------------------------------------------------- csv
# byte 0: % 3 delimiter (0 detect, 1 ',', 2 ';'), /3 % 2 label list
# {region, income, group}, /6 % 2 code/name columns iso/country, /12 % 2 CRLF;
# >= 0xC0 (libegdi 1.2 options): % 4 = 0 tab, 1 '|', 2 decimal comma, 3 numeric columns
def csv_seeds():
    basic = (b"code,name,osi,tii,hci,region\n"
             b"DNK,Denmark,0.99924,0.99662,0.95841,Europe\n"
             b"EST,Estonia,0.99530,0.97310,0.94970,Europe\n"
             b"SGP,Singapore,0.98310,0.98810,0.93620,Asia\n")
    write("csv", "basic", b"0" + basic)
    write("csv", "basic_comma", b"1" + basic)
    write("csv", "labels_list", b"3" + basic.replace(b"hci,region", b"hci,region")
          + b"BHR,Bahrain,0.8,0.9,,\n")
    write("csv", "crlf", b"0" + basic.replace(b"\n", b"\r\n"))
    write("csv", "bom", b"0" + BOM + basic)
    write("csv", "semicolon", b"2" + basic.replace(b",", b";"))
    write("csv", "semicolon_detect", b"0" + b"code;name;x;y\nA;Alpha;1,5;2\nB;Beta;3;NA\n")
    write("csv", "quoted", b"1" + b'code,name,x,note\n'
          b'"A","Alpha, ""the first""",1,"multi\nline"\n'
          b'"B","Beta "  ,2e3,"a;b"\n'
          b'C,"",-0.5,""\n')
    write("csv", "missing", b"0" + b"code,name,a,b,c\n"
          b"A,Alpha,NA,..,-\nB,Beta,,NaN,N/A\nC,Gamma,null,n/a,nan\nD,Delta,1,2,3\n")
    write("csv", "mixed_label", b"0" + b"code,name,x,grp\nA,a,1,10\nB,b,2,x\nC,c,..,\n")
    write("csv", "no_code_no_name", b"0" + b"country,x,y\nAlpha,1,2\nBeta,3,4\n")
    write("csv", "name_only", b"0" + b"name,x\nAlpha,1\nBeta,2\n")
    write("csv", "iso_country", b"6" + b"iso,country,value\nDNK,Denmark,1\nEST,Estonia,2\n")
    write("csv", "ties_huge", b"0" + b"code,x\nA,1e308\nB,-1e308\nC,0\nD,0\nE,-0\n"
          b"F,2.2250738585072014e-308\nG,1e-310\nH,inf\n")
    write("csv", "empty", b"0")
    write("csv", "header_only", b"0" + b"code,name,x\n")
    write("csv", "blank_lines", b"0" + b"\n\ncode,name,x\n\nA,a,1\n\n\nB,b,2")
    write("csv", "duplicate_code", b"0" + b"code,name,x\nA,a,1\nA,b,2\n")
    write("csv", "empty_header", b"0" + b"code,,x\nA,a,1\n")
    write("csv", "ragged", b"0" + b"code,name,x\nA,a,1,2\n")
    write("csv", "unclosed_quote", b"0" + b'code,name\n"A,a\n')
    write("csv", "near_ties", b"1" + lines("tests/fixtures/near_ties.csv", 5))
    write("csv", "asem_idata", b"0" + columns(lines(
        "tests/golden/coinr-asem/input_ASEM_iData.csv", 4), 14))
    write("csv", "countries", b"0" + lines("data/countries.csv", 6))
    write("csv", "v2_tab", b"\xc0" + basic.replace(b",", b"\t"))
    write("csv", "v2_pipe", b"\xc1" + basic.replace(b",", b"|"))
    write("csv", "v2_decimal_comma", b"\xc2" + b"code;name;osi;x\nA;Alpha;0,5;1\nB;Beta;1,25;-\n")
    write("csv", "v2_numeric_columns", b"\xc3" + basic + b"BHR,Bahrain,0.8,NA,..,\n")


# ---------------------------------------------------------------- un_csv
# byte 0: % 2 keep placeholders, / 2 % 2 compute the ranking table
def un_seeds():
    y24 = lines("data/un-egov/EGOV_DATA_2024.csv", 6)
    y03 = lines("data/un-egov/EGOV_DATA_2003.csv", 8)  # Iraq is a placeholder row
    y20 = lines("data/un-egov/EGOV_DATA_2020.csv", 5)
    write("un_csv", "2024", b"0" + y24)
    write("un_csv", "2024_table", b"2" + y24)
    write("un_csv", "2003_placeholders", b"2" + y03)
    write("un_csv", "2003_keep", b"3" + y03)
    write("un_csv", "2020_table", b"2" + y20)
    write("un_csv", "crlf_bom", b"2" + BOM + y24.replace(b"\n", b"\r\n"))
    header = y24.split(b"\n")[0] + b"\n"
    write("un_csv", "header_only", b"0" + header)
    write("un_csv", "empty", b"0")
    write("un_csv", "missing", b"2" + header +
          b'2024,"Atlantis ",..,NA,,-,0.5,0.5\n2024,Utopia,1,0.9,0.8,0.9,0.9,0.9\n')
    write("un_csv", "year_mix", b"0" + header + b"2024,A,1,0.5,0.5,0.5,0.5,0.5\n"
          b"2022,B,2,0.4,0.4,0.4,0.4,0.4\n")
    write("un_csv", "duplicate", b"0" + header + b'2024,"A ",1,0.5,0.5,0.5,0.5,0.5\n'
          b"2024,A,2,0.4,0.4,0.4,0.4,0.4\n")
    write("un_csv", "ties", b"2" + header + b"2024,A,1,0.5,0.5,0.5,0.5,0.5\n"
          b"2024,B,1,0.5,0.5,0.5,0.5,0.5\n2024,C,3,0.25,0.1,0.2,0.3,0.25\n")


# ---------------------------------------------------------------- imeta
def imeta_seeds():
    write("imeta", "imeta_ok", read("tests/fixtures/imeta_ok.csv"))
    write("imeta", "asem", read("tests/golden/coinr-asem/input_ASEM_iMeta.csv"))
    write("imeta", "minimal", b"iCode,Parent,Weight,Type\nx,,1,Indicator\n")
    full = (b"iCode,iName,Level,Parent,Direction,Weight,Type,Source,Normalisation,NormParams,"
            b"CapLower,CapUpper,Aggregation,AggParams,MinShare,Imputation,ImputeGroup\n"
            b"idx,Index,3,,1,1,Aggregate,,minmax,lo=0 hi=100,,,geomean,,1,,\n"
            b"p1,Pillar 1,2,idx,1,0.5,Aggregate,,zscore,mean=0 sd=1,,,mean,,0.5,,\n"
            b"p2,Pillar 2,2,idx,1,0.5,Aggregate,,fracmax,,,,mean,,0,,\n"
            b"a,A,1,p1,1,1,Indicator,col_a,goalposts,0 100,0,120,,,,mean,\n"
            b"b,B,1,p1,-1,2,Indicator,,minmax,,,,,,,groupmedian,region\n"
            b"c,C,1,p2,1,1,Indicator,,none,,,,,,,median,\n"
            b"d,D,1,p2,1,0,Indicator,,,,,,,,,groupmean,region\n"
            b"r,Region,,,,,Group,,,,,,,,,,\n")
    write("imeta", "all_columns", full)
    write("imeta", "crlf_bom", BOM + full.replace(b"\n", b"\r\n"))
    write("imeta", "any_order", b"iCode,Parent,Weight,Type\nx,g,1,Indicator\n"
          b"g,root,1,Aggregate\nroot,NA,1,Aggregate\ny,g,1,Indicator\n")
    write("imeta", "cycle", b"iCode,Parent,Weight,Type\na,b,1,Aggregate\nb,a,1,Aggregate\n"
          b"x,a,1,Indicator\n")
    write("imeta", "duplicate", b"iCode,Parent,Weight,Type\nx,,1,Indicator\nx,,1,Indicator\n")
    write("imeta", "zero_weights", b"iCode,Parent,Weight,Type\ng,,1,Aggregate\n"
          b"x,g,0,Indicator\ny,g,0,Indicator\n")
    write("imeta", "bad_params", b"iCode,Parent,Weight,Type,Normalisation,NormParams\n"
          b"x,,1,Indicator,minmax,lo=1 hi=0\n")
    write("imeta", "semicolon", b"iCode;Parent;Weight;Type\nx;;1;Indicator\n")
    write("imeta", "quoted", b'"iCode","Parent","Weight","Type","iName"\n'
          b'"x","NA",1,"Indicator","Name, with comma"\n')
    write("imeta", "empty", b"")
    write("imeta", "header_only", b"iCode,Parent,Weight,Type\n")


# ---------------------------------------------------------------- compute
def u8(*v):
    return bytes(x & 0xFF for x in v)


def cell(v):
    """A data cell as fuzz_compute.c reads it: v None = NaN, 'tie', or a
    number in [0, 1] (byte / 255) or [0, 100] (byte / 255 * 100), or raw."""
    if v is None:
        return u8(3)
    if v == "tie":
        return u8(0)
    if isinstance(v, tuple):  # ('raw', x): fuzz_double raw bits, big-endian
        return u8(1, 0) + struct.pack(">d", v[1])
    if v <= 1:
        return u8(4, round(v * 255))
    return u8(4 | 0x80, round(v / 100 * 255))


def compute_seeds():
    # mode 0: programmatic. n_agg, n_ind, per aggregate (parent byte if a > 0,
    # weight byte), per indicator (parent byte, weight byte), op count, ops,
    # units, flags, cells column by column, then the bytes of the checks.
    def prog(n_agg, parents, ops, n_units, flags, cols, tail=b""):
        b = u8(0, n_agg, len(parents) - 1)
        for a in range(n_agg):
            b += (u8(0) if a else b"") + u8(0)  # a root/first aggregate, weight 1
        for i, p in enumerate(parents):  # p = aggregate index or n_agg for a root
            b += u8((p - i) % (n_agg + 1), 0)
        b += u8(len(ops)) + b"".join(ops) + u8(n_units, flags)
        for c in cols:
            b += b"".join(cell(v) for v in c)
        return b + tail

    vals = [[0.1, 0.5, 0.9, None, 0.3], [0.2, 0.2, 0.8, 0.4, "tie"], [50, 80, 20, 100, 0]]
    # op 3: set_normalization(node, norm) — node byte, np byte, norm byte
    minmax_all = [u8(3, k, 0, 2) for k in range(1, 4)]
    write("compute", "prog_mean", prog(1, [0, 0, 0], [], 5, 0, vals))
    write("compute", "prog_minmax", prog(1, [0, 0, 0], minmax_all, 5, 4, vals))
    write("compute", "prog_geomean", prog(1, [0, 0, 0], [u8(4, 0, 1)], 5, 0, vals))
    write("compute", "prog_tree", prog(2, [0, 0, 1, 1], [u8(8, 0, 2)], 5, 2,
                                       vals + [[1, 2, 3, 4, 5]], u8(0, 1, 0, 1, 0)))
    write("compute", "prog_impute", prog(1, [0, 0, 0], [u8(7, 1, 3, 0)], 5, 2, vals,
                                         u8(0, 1, 0, 1, 2)))
    # op 2: caps(node i0, lo = edge value 0.0, hi = edge value 0.5)
    write("compute", "prog_edge", prog(1, [0, 0], [u8(2, 1, 0, 2 + 4 * 1, 0, 2 + 4 * 5)], 4, 5,
                                       [[("raw", 1e308), ("raw", -1e308), 0, "tie"],
                                        [("raw", 5e-324), None, ("raw", -0.0), 1]]))
    write("compute", "prog_empty", prog(1, [0], [], 0, 0, []))
    # mode 1: iMeta text with a 2-byte length, then units and cells
    for name, rel in (("imeta_ok", "tests/fixtures/imeta_ok.csv"),):
        t = read(rel)
        b = u8(1) + struct.pack(">H", len(t)) + t + u8(5)
        for _ in range(4):
            b += b"".join(cell(v) for v in [0.1, 0.5, 0.9, None, 0.3])
        write("compute", "imeta_" + name, b)
    t = (b"iCode,Parent,Weight,Type,Normalisation,Aggregation,Imputation,ImputeGroup\n"
         b"idx,,1,Aggregate,minmax,mean,,\nx,idx,1,Indicator,minmax,,mean,\n"
         b"y,idx,2,Indicator,zscore,,groupmean,grp\n")
    b = u8(1) + struct.pack(">H", len(t)) + t + u8(6)
    b += b"".join(cell(v) for v in [0.1, 0.5, 0.9, None, 0.3, "tie"])
    b += b"".join(cell(v) for v in [2, 5, None, 1, 3, 4])
    b += u8(0, 1, 0, 1, 2, 0)  # the labels of grp
    write("compute", "imeta_impute", b)
    # mode 2: Survey. edition index, input (0 = raw), flags, options, units, cells
    def survey(ed, inp, flags, opts, n, cols, groups=b""):
        b = u8(2, ed, inp, flags) + opts + u8(n)
        for c in cols:
            b += b"".join(cell(v) for v in c)
        return b + groups + u8(1)  # last byte non-zero: pass the options
    comp = [[0.99, 0.97, 0.5, 0.5, None, 0.1], [0.99, 0.95, 0.6, 0.4, 0.3, "tie"],
            [0.95, 0.94, 0.7, 0.5, 0.8, 0.2]]
    write("compute", "survey_2024", survey(11, 1, 0, b"", 6, comp))
    write("compute", "survey_2012", survey(5, 1, 32, b"", 6, comp + [[0.5] * 6]))
    write("compute", "survey_2022_opts", survey(10, 1, 1 | 2 | 8, u8(6, 3 + 5, 1, 1), 6, comp))
    write("compute", "survey_2020_groups", survey(9, 1, 8 | 64, u8(3, 0), 6, comp,
                                                  u8(0, 1, 0, 1, 2, 0)))
    write("compute", "survey_raw_2010", survey(4, 0, 0, b"", 4, [[0.5, 0.2, 0.9, 0.1]] * 14))


if __name__ == "__main__":
    csv_seeds()
    un_seeds()
    imeta_seeds()
    compute_seeds()
    # rank: decimals byte, count, flags, then values (selector 1 = byte / 255)
    write("rank", "basic", u8(2 + 5, 6, 0) + b"".join(u8(1, v) for v in (10, 200, 200, 0, 255, 90)))
    write("rank", "ties_nan", u8(1, 5, 3, 1, 128, 0, 3, 0, 0, 1, 7) + u8(0) * 8)
    write("rank", "edge", u8(2 + 15, 8, 1) + b"".join(u8(2, 2 + 4 * k) for k in range(8)))
    write("rank", "raw", u8(2 + 3, 4, 2) + b"".join(u8(2, 0) + struct.pack(">d", v)
                                                  for v in (1.005, 2.675, -0.5, 1e300)))
    write("rank", "empty", b"")
