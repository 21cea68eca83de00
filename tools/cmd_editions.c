/* egdi editions: the built-in Survey editions, their parameters and raw indicators. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "egdi_tool.h"

/* "a b c": the raw indicators of one component of an edition. */
static void indicator_list(int year, const char *component, char *buf, size_t cap)
{
    size_t len = 0;
    buf[0] = '\0';
    const char *code;
    for (size_t k = 0; (code = egdi_survey_indicator(year, component, k)) != NULL; k++) {
        int n = snprintf(buf + len, cap - len, "%s%s", k ? " " : "", code);
        if (n < 0 || (size_t)n >= cap - len)
            break;
        len += (size_t)n;
    }
}

static void print_table(void)
{
    printf("edition  w_osi  w_tii  w_hci  decimals  rank_on  classes  tii_cap  z-scores  n_tii  n_hci\n");
    for (size_t i = 0; i < egdi_survey_n_editions(); i++) {
        egdi_edition_info e = {.version = EGDI_EDITION_INFO_VERSION};
        egdi_survey_edition_info(egdi_survey_edition(i), &e);
        char rank_on[16], cap[16];
        snprintf(rank_on, sizeof rank_on, e.rank_decimals < 0 ? "exact" : "%d dp", e.rank_decimals);
        snprintf(cap, sizeof cap, isnan(e.tii_cap) ? "-" : "%.0f", e.tii_cap);
        printf("%7d  %5.3f  %5.3f  %5.3f  %8d  %7s  %7s  %7s  %8s  %5zu  %5zu\n", e.edition,
               e.weight_osi, e.weight_tii, e.weight_hci, e.decimals, rank_on,
               e.has_rating_classes ? "yes" : "no", cap, e.zscore_composites ? "yes" : "no",
               e.n_tii, e.n_hci);
    }
    /* what --input raw reads: the raw indicators of each edition's TII and HCI */
    printf("\nraw indicators (--input raw; besides osi_raw, and epi_raw for the EPI):\n");
    char list[512];
    for (size_t i = 0; i < egdi_survey_n_editions(); i++) {
        int year = egdi_survey_edition(i);
        indicator_list(year, "tii", list, sizeof list);
        printf("%7d  tii: %s\n", year, list);
        indicator_list(year, "hci", list, sizeof list);
        printf("%7s  hci: %s\n", "", list);
    }
}

/* The same as a dataset (one unit per edition) for csv/json: the columns
 * first, then a row per edition. */
static egdi_status build(egdi_dataset **out)
{
    enum { W_OSI, W_TII, W_HCI, DEC, RANK_DEC, CLASSES, CAP, ZSC, N_NUM };
    static const char *const num_names[N_NUM] = {"weight_osi", "weight_tii", "weight_hci",
                                                  "decimals", "rank_decimals", "rating_classes",
                                                  "tii_cap", "zscore_composites"};
    static const char *const parts[2] = {"tii", "hci"};
    egdi_dataset *ds = NULL;
    egdi_status st = egdi_dataset_new(&ds);
    for (int c = 0; c < N_NUM && st == EGDI_OK; c++)
        st = egdi_dataset_add_numeric(ds, num_names[c], NULL, 0);
    for (int c = 0; c < 2 && st == EGDI_OK; c++) {
        char col_name[32];
        snprintf(col_name, sizeof col_name, "%s_indicators", parts[c]);
        st = egdi_dataset_add_labels(ds, col_name, NULL, 0);
    }
    for (size_t i = 0; i < egdi_survey_n_editions() && st == EGDI_OK; i++) {
        egdi_edition_info e = {.version = EGDI_EDITION_INFO_VERSION};
        char code[16], name[64], list[512];
        st = egdi_survey_edition_info(egdi_survey_edition(i), &e);
        snprintf(code, sizeof code, "%d", e.edition);
        snprintf(name, sizeof name, "UN E-Government Survey %d", e.edition);
        st = st ? st : egdi_dataset_add_unit(ds, code, name, NULL);
        const double num[N_NUM] = {
            [W_OSI] = e.weight_osi, [W_TII] = e.weight_tii, [W_HCI] = e.weight_hci,
            [DEC] = e.decimals, [RANK_DEC] = e.rank_decimals < 0 ? NAN : e.rank_decimals,
            [CLASSES] = e.has_rating_classes, [CAP] = e.tii_cap,
            [ZSC] = e.zscore_composites}; /* rank_decimals empty = exact */
        for (size_t c = 0; c < N_NUM && st == EGDI_OK; c++)
            st = egdi_dataset_set_value(ds, i, c, num[c]);
        for (size_t c = 0; c < 2 && st == EGDI_OK; c++) {
            indicator_list(e.edition, parts[c], list, sizeof list);
            st = egdi_dataset_set_label(ds, i, N_NUM + c, list);
        }
    }
    if (st != EGDI_OK) {
        egdi_dataset_free(ds);
        return st;
    }
    *out = ds;
    return EGDI_OK;
}

int cmd_editions(int argc, char **argv)
{
    common_opts o = COMMON_OPTS_INIT;
    for (int i = 0; i < argc; i++) {
        int c = parse_common(argc, argv, &i, &o);
        if (c < 0)
            return tool_usage("editions: bad value for %s", argv[i]);
        if (c == 0)
            return tool_usage("editions: unknown argument %s", argv[i]);
    }
    int rc = check_output(&o, NULL, 0);
    if (rc != EXIT_OK)
        return rc;
    if (WANTS_TABLE(&o)) {
        print_table();
        return EXIT_OK;
    }
    egdi_dataset *ds = NULL;
    egdi_status st = build(&ds);
    if (st != EGDI_OK)
        return tool_fail("listing the editions", st);
    rc = write_dataset(ds, &o, 0);
    egdi_dataset_free(ds);
    return rc;
}
