/* egdi: compute, compare and summarise e-government indices from the command line. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "egdi_tool.h"

static const char help[] =
    "usage: egdi COMMAND [OPTIONS] FILE...\n"
    "\n"
    "Compute, rank and compare the E-Government Development Index (EGDI).\n"
    "FILE is a UN E-Government Data Center export (EGOV_DATA_<year>.csv) or a wide CSV\n"
    "with one row per country and the columns the edition needs (osi, tii, hci, or raw\n"
    "indicators with --input raw); '-' reads standard input. Fields are separated by\n"
    "',', ';', tab or '|' (detected from the header). Every cell of a column the\n"
    "edition needs must be a number or empty/NA; anything else is an error naming\n"
    "the file, line, column and cell.\n"
    "\n"
    "commands:\n"
    "  compute [--edition YEAR] [--input components|raw] [--top N] FILE\n"
    "          [--quantile-type 1..9] [--rank-decimals N|exact]\n"
    "          [--impute METHOD[:COLUMN]] [--rank-within NAME]... [--group NAME=A,B,...]...\n"
    "          [--memberships FILE] [--published] [--use-published]\n"
    "        the ranking of one edition: rank, EGDI, OSI, TII, HCI, group, rating class;\n"
    "        --quantile-type and --rank-decimals override the edition's rating-class\n"
    "        quartile definition (Hyndman-Fan type, default 7) and the precision ranked on;\n"
    "        --impute fills missing indicator values (METHOD below; the group methods take\n"
    "        a label COLUMN such as region, joined from the country table if the file lacks\n"
    "        it) and adds an 'imputed' column naming the filled indicators per country;\n"
    "        --rank-within NAME adds NAME_rank, the EGDI rank among the countries with\n"
    "        the same label (region, subregion, income, status, a column of FILE) or among\n"
    "        the members of a group (empty for non-members): gcc, arab, escwa, ldc, lldc,\n"
    "        sids (members on 1 July of the edition; --memberships FILE replaces the\n"
    "        bundled list) or a --group NAME=A,B,... of countries by name or ISO code;\n"
    "        --published adds the published EGDI and rank, where they differ from the\n"
    "        recomputed ones and why (egdi_published, rank_published, published_diff,\n"
    "        published_note); --use-published ranks on the published EGDI instead\n"
    "  compare [--country NAME|CODE]... [--sort rank|change] FILE_A FILE_B [FILE_C ...]\n"
    "        EGDI and rank per edition, the changes between editions and the methodology\n"
    "        changes between them; rows by the last edition's rank (--sort change: biggest\n"
    "        rank gain first); code = ISO alpha-3\n"
    "  panel [--country NAME|CODE]... [--from YEAR] [--to YEAR] [--movers A:B [--top N]]\n"
    "        [FILE...]\n"
    "        every edition as one panel (no FILE = the bundled Data Center files): a\n"
    "        country's trajectory 2003-2024, or the long table with -f csv|json; --movers\n"
    "        A:B ranks the rank changes from A to B (biggest gain first, methodology\n"
    "        changes noted); --top N keeps the N biggest gains and the N biggest falls\n"
    "  explain --country NAME|CODE [--versus NAME|CODE|world|best|region|subregion|income|LABEL]\n"
    "          [--edition YEAR] [--input components|raw] [--top N] [--bottom N]\n"
    "          [--min-rank-gap N] FILE\n"
    "        the EGDI gap to another country, the best one or a group's average (default:\n"
    "        the world) split into each component's weighted contribution (each indicator's\n"
    "        with --input raw), and the country's strengths and weaknesses: components ranked\n"
    "        at least --min-rank-gap places (5) better or worse than overall, among its\n"
    "        --top (3) best or --bottom (3) worst ranks\n"
    "  groups [--edition YEAR] [--by LABEL|MEMBERSHIP|group|none]\n"
    "         [--group NAME=A,B,...]... [--memberships FILE] FILE\n"
    "        unweighted group averages (world, each label or membership such as region or\n"
    "        gcc, and user-given groups of names or ISO codes), each with its best-ranked\n"
    "        country; --by group: the EGDI groups (Very High .. Low), counted\n"
    "  whatif --country NAME|CODE (--target-rank N | --target-group VH|H|M|L |\n"
    "         --target-class CLASS) [--vary osi|tii|hci|uniform|INDICATOR]...\n"
    "         [--input components|raw] [--lower X] [--upper X] [--tolerance X] FILE\n"
    "        the smallest value of one component (with --input raw: one raw indicator) of a\n"
    "        country that reaches a rank, an EGDI group or a rating class, all else fixed;\n"
    "        without --vary every component and a uniform increase of all three (raw: every\n"
    "        indicator with a natural bound). Bounds: [0, 1] for components, 100 for\n"
    "        percentages, the TII cap (120 from 2020), 18 and 15 years of schooling; --upper\n"
    "        for the others. Out of reach: the best rank at the bound and the value that\n"
    "        first gives it. -f json: reachable, value, rank, best_rank, current_value, ...\n"
    "  index check [--normalise 'METHOD PARAMS'] [--aggregate 'METHOD PARAMS'] META.csv\n"
    "        validate a custom index definition (iMeta CSV, also as COINr exports it) and\n"
    "        summarise the tree: levels, weights and their share of the parent, directions,\n"
    "        methods; what libegdi does not use (other columns, Group/Denominator rows, NA\n"
    "        parents) is reported on stderr as 'egdi: note:'; errors name line, column, node\n"
    "  index compute [--normalise ...] [--aggregate ...] [--nodes A,B,...] [--no-ranks]\n"
    "        [--rank-decimals N] [--raw] [--code-column C] [--name-column C] META.csv DATA.csv\n"
    "        every node's score and competition rank (NODE_rank) per unit, the 'imputed'\n"
    "        column when the definition imputes, and DATA's labels; --normalise/--aggregate\n"
    "        set the method of rows naming none (COINr's default: 'minmax lo=0 hi=100');\n"
    "        the methods are listed below with their parameters.\n"
    "        --denominate        divide indicators by their iMeta Denominator column\n"
    "        --treat 'M PARAMS'  outlier treatment of indicators naming none: winsorise\n"
    "                            [winmax=5 skew=2 kurt=3.5 force=0] (COINr's Treat: winsorise,\n"
    "                            then log the original values if still skewed) | log | none\n"
    "        --no-treat          no outlier treatment at all (overrides the iMeta Treatment)\n"
    "        --screen T          drop units with data availability < T (0..1; COINr's Screen)\n"
    "        --screen-zeros T    drop units whose share of non-zero values < T\n"
    "        --screen-input      screen the inputs before imputation (default: after it)\n"
    "        --include A,B / --exclude A,B   units kept / dropped whatever the screen says\n"
    "        --report FILE       screening per unit and treatment per indicator, as JSON\n"
    "        --period COLUMN     a panel (one row per unit and period, each row its own code):\n"
    "                            each period of the numeric COLUMN computed on its own rows;\n"
    "                            NODE_rank is the rank within the period\n"
    "        --global            with --period: fit normalisation (and imputation, treatment)\n"
    "                            on all periods pooled, comparable over time (COINr's global)\n"
    "  index stats [--level N[,M]] [--corr pearson|spearman|kendall] [--pvalues] [--max-p P]\n"
    "        [--group-level G] [--with-parent] [--cronbach] [--scores] META.csv DATA.csv\n"
    "        statistics of an index's nodes: per node (default; level N, default 1) min, max,\n"
    "        mean, median, sd, skew/kurtosis (type 2), availability, zeros, unique values and\n"
    "        COINr's flags; --corr: the correlation matrix of level N (or N against M) with\n"
    "        --pvalues (the p-value matrix), --max-p (blank correlations with p above it) and\n"
    "        --group-level (pairs within the same level-G group only); --with-parent: each\n"
    "        node's correlation with its parent; --cronbach: Cronbach's alpha per aggregate of\n"
    "        its children. Indicators use the input values unless --scores\n"
    "  editions\n"
    "        the built-in Survey editions, their parameters and raw indicators\n"
    "\n"
    "options of every command:\n"
    "  -f, --format table|csv|json   output format (default: a table on the terminal)\n"
    "  -o, --output FILE             write to FILE atomically (csv unless --format json);\n"
    "                                '-' = standard output. Only a new file, a regular file\n"
    "                                or a link to one is replaced (it keeps its mode), never\n"
    "                                a device, FIFO or directory, nor an input file\n"
    "  --decimals N                  digits after the point (default: 4 in tables, exact in files)\n"
    "  --delimiter ,|;|tab|'|'       the input's field separator (default: detected)\n"
    "  --decimal-comma               the input writes numbers with a decimal comma (0,5)\n"
    "  --allow-out-of-range          rank components (osi, tii, hci, epi) outside [0, 1] as\n"
    "                                they are (the 2003 export has two HCI values above 1)\n"
    "  --allow-edition-mismatch      compute --edition YEAR on data of another survey year\n"
    "  --drop-absent-indicators      with --input raw: leave out TII/HCI indicators the file\n"
    "                                lacks, renormalising the others' weights (a note names them)\n"
    "  --countries FILE              the country table (ISO code, region, ...; default: bundled)\n"
    "  --provenance                  CSV output starts with one comment line '# {...}': the\n"
    "                                tool, command line, edition and inputs (JSON output always\n"
    "                                has them: {\"provenance\": {...}, \"rows\": [...]})\n"
    "  -h, --help                    this help\n"
    "  --version                     the tool's and the library's version\n"
    "\n"
    "exit status: 0 success, 1 computation failed, 2 usage error, 3 input unreadable,\n"
    "malformed or implausible (no units, an empty column, components outside [0, 1],\n"
    "another survey year), 4 output refused or not written (checked before any work).\n";

/* One method's parameters as "name=default ..." ("name" alone if required). */
static void print_params(size_t i, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        egdi_param_info p = {.version = EGDI_PARAM_INFO_VERSION};
        if (egdi_method_get_param(i, k, &p) != EGDI_OK)
            continue;
        char word[64];
        if (isnan(p.default_value))
            printf(" %s", p.name);
        else if (param_word(i, k, p.default_value, word, sizeof word))
            printf(" %s=%s", p.name, word);
        else
            printf(" %s=%g", p.name, p.default_value);
    }
}

/* The help text, then the methods as the library's registry lists them. */
static int print_help(void)
{
    fputs(help, stdout);
    static const struct {
        egdi_step step;
        const char *title;
    } steps[] = {{EGDI_STEP_IMPUTE, "imputation methods (--impute; iMeta Imputation)"},
                 {EGDI_STEP_NORMALISE, "normalisations (index --normalise; iMeta Normalisation, "
                                       "NormParams)"},
                 {EGDI_STEP_AGGREGATE, "aggregations (index --aggregate; iMeta Aggregation, "
                                       "AggParams)"}};
    for (size_t s = 0; s < sizeof steps / sizeof *steps; s++) {
        printf("\n%s:\n", steps[s].title);
        for (size_t i = 0; i < egdi_method_count(); i++) {
            egdi_method_info m = {.version = EGDI_METHOD_INFO_VERSION};
            if (egdi_method_get_info(i, &m) != EGDI_OK || m.step != steps[s].step)
                continue;
            printf("  %-10s", m.name);
            print_params(i, m.n_params);
            printf("%s\n      %s\n", (m.flags & EGDI_METHOD_USES_GROUPS) ? " (METHOD:COLUMN)" : "",
                   m.summary);
        }
    }
    return EXIT_OK;
}

int main(int argc, char **argv)
{
    if (argc < 2)
        return tool_usage("no command given");
    const char *cmd = argv[1];
    provenance_command(argc, argv);
    if (strcmp(cmd, "-h") == 0 || strcmp(cmd, "--help") == 0 || strcmp(cmd, "help") == 0)
        return print_help();
    if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "version") == 0) {
        printf("egdi %s (libegdi %s)\n", EGDI_VERSION_STRING, egdi_version_string());
        return EXIT_OK;
    }
    for (int i = 2; i < argc; i++)
        if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0)
            return print_help();
    static const struct {
        const char *name;
        int (*fn)(int, char **);
    } cmds[] = {{"compute", cmd_compute}, {"compare", cmd_compare}, {"groups", cmd_groups},
                {"editions", cmd_editions}, {"panel", cmd_panel}, {"whatif", cmd_whatif},
                {"explain", cmd_explain}, {"index", cmd_index}};
    for (size_t k = 0; k < sizeof cmds / sizeof *cmds; k++)
        if (strcmp(cmd, cmds[k].name) == 0) {
            int rc = cmds[k].fn(argc - 2, argv + 2);
            tool_cleanup();
            /* a table or -o - that could not be written (a full disk, a closed pipe) */
            if ((fflush(stdout) != 0 || ferror(stdout)) && rc == EXIT_OK) {
                fprintf(stderr, "egdi: writing to standard output failed\n");
                rc = EXIT_OUTPUT;
            }
            return rc;
        }
    return tool_usage("unknown command '%s'", cmd);
}
