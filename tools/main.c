/* egdi: compute, compare and summarise e-government indices from the command line. */
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
    "          [--impute METHOD[:COLUMN]] [--rank-within LABEL]... [--countries FILE]\n"
    "        the ranking of one edition: rank, EGDI, OSI, TII, HCI, group, rating class;\n"
    "        --quantile-type and --rank-decimals override the edition's rating-class\n"
    "        quartile definition (Hyndman-Fan type, default 7) and the precision ranked on;\n"
    "        --impute fills missing indicator values (METHOD below; the group methods take\n"
    "        a label COLUMN such as region, joined from the country table if the file lacks\n"
    "        it) and adds an 'imputed' column naming the filled indicators per country;\n"
    "        --rank-within LABEL adds LABEL_rank, the EGDI rank among the countries with\n"
    "        the same label (region, subregion, income, status, or a column of FILE)\n"
    "  compare [--country NAME]... FILE_A FILE_B [FILE_C ...]\n"
    "        EGDI and rank per edition and the changes between editions\n"
    "  groups [--edition YEAR] [--by region|subregion|income|status|none]\n"
    "         [--group NAME=A,B,...]... [--countries FILE] FILE\n"
    "        unweighted group averages (world, each label, and user-given groups)\n"
    "  editions\n"
    "        the built-in Survey editions and their parameters\n"
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
    "  -h, --help                    this help\n"
    "  --version                     the tool's and the library's version\n"
    "\n"
    "exit status: 0 success, 1 computation failed, 2 usage error, 3 input unreadable,\n"
    "malformed or implausible (no units, an empty column, components outside [0, 1],\n"
    "another survey year), 4 output refused or not written (checked before any work).\n";

/* The help text, then the imputation methods as the library's registry lists them. */
static int print_help(void)
{
    fputs(help, stdout);
    printf("\nimputation methods (--impute):\n");
    for (size_t i = 0; i < egdi_method_count(); i++) {
        egdi_method_info m = {.version = EGDI_METHOD_INFO_VERSION};
        if (egdi_method_get_info(i, &m) == EGDI_OK && m.step == EGDI_STEP_IMPUTE)
            printf("  %-12s  %s%s\n", m.name, m.summary,
                   (m.flags & EGDI_METHOD_USES_GROUPS) ? " (METHOD:COLUMN)" : "");
    }
    return EXIT_OK;
}

int cmd_editions(int argc, char **argv)
{
    (void)argv;
    if (argc)
        return tool_usage("editions takes no arguments");
    printf("edition  w_osi  w_tii  w_hci  decimals  rank_on  classes  tii_cap  z-scores  n_tii  n_hci\n");
    for (size_t i = 0; i < egdi_survey_n_editions(); i++) {
        egdi_edition_info e = {.version = EGDI_EDITION_INFO_VERSION};
        egdi_survey_edition_info(egdi_survey_edition(i), &e);
        char rank_on[16], cap[16];
        snprintf(rank_on, sizeof rank_on, e.rank_decimals < 0 ? "exact" : "%d dp", e.rank_decimals);
        snprintf(cap, sizeof cap, e.tii_cap == e.tii_cap ? "%.0f" : "-", e.tii_cap);
        printf("%7d  %5.3f  %5.3f  %5.3f  %8d  %7s  %7s  %7s  %8s  %5zu  %5zu\n", e.edition,
               e.weight_osi, e.weight_tii, e.weight_hci, e.decimals, rank_on,
               e.has_rating_classes ? "yes" : "no", cap, e.zscore_composites ? "yes" : "no",
               e.n_tii, e.n_hci);
    }
    /* what --input raw reads: the raw indicators of each edition's TII and HCI */
    printf("\nraw indicators (--input raw; besides osi_raw, and epi_raw for the EPI):\n");
    for (size_t i = 0; i < egdi_survey_n_editions(); i++) {
        int year = egdi_survey_edition(i);
        static const char *const parts[] = {"tii", "hci"};
        for (int c = 0; c < 2; c++) {
            if (c == 0)
                printf("%7d  %s:", year, parts[c]);
            else
                printf("%7s  %s:", "", parts[c]);
            const char *code;
            for (size_t k = 0; (code = egdi_survey_indicator(year, parts[c], k)) != NULL; k++)
                printf(" %s", code);
            printf("\n");
        }
    }
    return EXIT_OK;
}

int main(int argc, char **argv)
{
    if (argc < 2)
        return tool_usage("no command given");
    const char *cmd = argv[1];
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
            /* a table or -o - that could not be written (a full disk, a closed pipe) */
            if ((fflush(stdout) != 0 || ferror(stdout)) && rc == EXIT_OK) {
                fprintf(stderr, "egdi: writing to standard output failed\n");
                rc = EXIT_OUTPUT;
            }
            return rc;
        }
    return tool_usage("unknown command '%s'", cmd);
}
