/* The Survey editions: their parameters, and each edition as a preset tree of
 * the general engine, built through the public API. */
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "data/data.h"
#include "survey/survey.h"

#define MAX_IND 6

typedef struct edition {
    int year;
    double w[3];         /* OSI, TII, HCI */
    int decimals, rank_decimals, classes;
    double tii_cap;
    int zscore;          /* 1: z-score indicators, mean, min-max composite (2012+) */
    const char *tii[MAX_IND];
    const char *hci[MAX_IND];
    double hci_w[MAX_IND];
} edition;

#define THIRDS {1.0 / 3, 1.0 / 3, 1.0 / 3}
#define W0810 {0.34, 0.33, 0.33}
#define TII_0305 {"internet_users", "online_population", "pcs", "mobile_subscriptions", "fixed_telephone"}
#define TII_0810 {"internet_users", "fixed_broadband", "pcs", "mobile_subscriptions", "fixed_telephone"}
#define TII_12 {"internet_users", "fixed_broadband", "fixed_internet", "mobile_subscriptions", "fixed_telephone"}
#define TII_1416 {"internet_users", "fixed_broadband", "wireless_broadband", "mobile_subscriptions", "fixed_telephone"}
#define TII_18 {"internet_users", "fixed_broadband", "active_mobile_broadband", "mobile_subscriptions", "fixed_telephone"}
#define TII_20 {"internet_users", "fixed_broadband", "active_mobile_broadband", "mobile_subscriptions"}
#define HCI_OLD {"adult_literacy", "gross_enrolment"}
#define HCI_OLD_W {2.0 / 3, 1.0 / 3}
#define HCI_NEW {"adult_literacy", "gross_enrolment", "expected_years", "mean_years"}
#define HCI_NEW_W {1.0 / 3, 2.0 / 9, 2.0 / 9, 2.0 / 9}

static const edition editions[] = {
    {2003, THIRDS, 5, 5, 0, NAN, 0, TII_0305, HCI_OLD, HCI_OLD_W},
    {2004, THIRDS, 5, 5, 0, NAN, 0, TII_0305, HCI_OLD, HCI_OLD_W},
    {2005, THIRDS, 5, 5, 0, NAN, 0, TII_0305, HCI_OLD, HCI_OLD_W},
    {2008, W0810, 4, 4, 0, NAN, 0, TII_0810, HCI_OLD, HCI_OLD_W},
    {2010, W0810, 5, 5, 0, NAN, 0, TII_0810, HCI_OLD, HCI_OLD_W},
    {2012, THIRDS, 5, 5, 0, NAN, 1, TII_12, HCI_OLD, HCI_OLD_W},
    {2014, THIRDS, 5, 5, 0, NAN, 1, TII_1416, HCI_NEW, HCI_NEW_W},
    {2016, THIRDS, 5, 5, 0, NAN, 1, TII_1416, HCI_NEW, HCI_NEW_W},
    {2018, THIRDS, 4, 4, 0, NAN, 1, TII_18, HCI_NEW, HCI_NEW_W},
    {2020, THIRDS, 4, 10, 1, 120, 1, TII_20, HCI_NEW, HCI_NEW_W}, /* ranked unrounded */
    {2022, THIRDS, 4, 4, 1, 120, 1, TII_20, HCI_NEW, HCI_NEW_W},
    {2024, THIRDS, 5, 5, 1, 120, 1, TII_20, HCI_NEW, HCI_NEW_W},
};
#define N_EDITIONS (sizeof editions / sizeof *editions)

static size_t count(const char *const *list)
{
    size_t n = 0;
    while (n < MAX_IND && list[n])
        n++;
    return n;
}

/* The edition of `year`, NULL if none (no error is recorded: see unknown()). */
static const edition *find_edition(int year)
{
    for (size_t i = 0; i < N_EDITIONS; i++)
        if (editions[i].year == year)
            return &editions[i];
    return NULL;
}

/* The failure for a year that is not an edition, naming it and the editions. */
static egdi_status unknown(int year)
{
    char list[128];
    size_t len = 0;
    list[0] = '\0';
    for (size_t i = 0; i < N_EDITIONS && len < sizeof list; i++) {
        int w = snprintf(list + len, sizeof list - len, "%s%d", i ? ", " : "", editions[i].year);
        len += w > 0 ? (size_t)w : 0;
    }
    return egdi__fail(EGDI_ERR_NOT_FOUND, "no Survey edition %d (editions: %s)", year, list);
}

size_t egdi_survey_n_editions(void) { return N_EDITIONS; }

int egdi_survey_edition(size_t i) { return i < N_EDITIONS ? editions[i].year : 0; }

/* Size of each version of egdi_edition_info; a version's size never changes. */
static const size_t info_sizes[] = {0, offsetof(egdi_edition_info, n_hci) + sizeof(size_t)};

egdi_status egdi_survey_edition_info(int year, egdi_edition_info *out)
{
    EGDI_CHECK_ARG(out, "out");
    const edition *e = find_edition(year);
    if (!e)
        return unknown(year);
    egdi_edition_info info = {
        EGDI_EDITION_INFO_VERSION, e->year, e->w[0], e->w[1], e->w[2], e->decimals,
        e->rank_decimals, e->classes, 7, e->tii_cap, e->zscore, count(e->tii), count(e->hci)};
    return egdi__versioned_write(out, &info, info_sizes, sizeof info_sizes / sizeof *info_sizes,
                                 "egdi_edition_info");
}

const char *egdi_survey_indicator(int year, const char *component, size_t i)
{
    const edition *e = find_edition(year);
    if (!e || !component || i >= MAX_IND)
        return NULL;
    if (strcmp(component, "tii") == 0)
        return e->tii[i];
    if (strcmp(component, "hci") == 0)
        return e->hci[i];
    return NULL;
}

/* 1 if data (NULL: any data) has a column called name. */
static int has_column(const egdi_dataset *data, const char *name)
{
    return !data || egdi__dataset_column(data, name) != (size_t)-1;
}

/* A composite (TII or HCI) built from raw indicators: those present in data
 * (NULL: all of them), with their weights renormalised to sum to 1. */
static egdi_status add_composite(egdi_index *idx, const edition *e, const char *code, double w,
                                 const char *const *inds, const double *weights, int is_tii,
                                 const egdi_dataset *data)
{
    size_t n = count(inds), kept = 0;
    double wsum = 0;
    for (size_t k = 0; k < n; k++)
        if (has_column(data, inds[k])) {
            wsum += weights ? weights[k] : 1.0 / (double)n;
            kept++;
        }
    if (kept == 0) {
        char list[256] = "";
        for (size_t k = 0, len = 0; k < n && len < sizeof list; k++)
            len += (size_t)snprintf(list + len, sizeof list - len, "%s%s", k ? ", " : "", inds[k]);
        return egdi__fail(EGDI_ERR_NOT_FOUND, "edition %d: component '%s': none of its "
                          "indicators (%s) is a column of the data, so it cannot be left out",
                          e->year, code, list);
    }
    egdi_status st = egdi_index_add_aggregate(idx, code, "egdi", w);
    for (size_t k = 0; k < n && st == EGDI_OK; k++) {
        if (!has_column(data, inds[k]))
            continue;
        double wk = weights ? weights[k] : 1.0 / (double)n;
        /* renormalised only when one is left out: the full preset keeps its exact weights */
        st = egdi_index_add_indicator(idx, inds[k], code, kept < n ? wk / wsum : wk);
        if (st == EGDI_OK && is_tii && !isnan(e->tii_cap))
            st = egdi_index_set_caps(idx, inds[k], NAN, e->tii_cap);
        if (st != EGDI_OK)
            break;
        if (e->zscore) {
            st = egdi_index_set_normalization(idx, inds[k], EGDI_NORM_ZSCORE, NULL, 0);
        } else if (is_tii) {
            /* open point: the 2003-2010 scaling is not published; fraction of the best value */
            st = egdi_index_set_normalization(idx, inds[k], EGDI_NORM_FRACMAX, NULL, 0);
        } else {
            /* literacy and enrolment in per cent, goalposts 0 and 100 */
            static const double gp[2] = {0, 100};
            st = egdi_index_set_normalization(idx, inds[k], EGDI_NORM_GOALPOSTS, gp, 2);
        }
    }
    if (st == EGDI_OK && e->zscore)
        st = egdi_index_set_normalization(idx, code, EGDI_NORM_MINMAX, NULL, 0);
    if (st == EGDI_OK)
        st = egdi_index_set_min_share(idx, code, 1.0); /* the Survey needs every indicator */
    return st;
}

/* The preset; with data, restricted to the raw indicators it has. */
static egdi_status build(int year, egdi_survey_input input, const egdi_dataset *data,
                         egdi_index **out)
{
    if (input != EGDI_INPUT_COMPONENTS && input != EGDI_INPUT_RAW)
        return egdi__fail(EGDI_ERR_INVALID_ARG, "unknown input kind %d", (int)input);
    const edition *e = find_edition(year);
    if (!e)
        return unknown(year);
    if (input == EGDI_INPUT_RAW && !has_column(data, "osi_raw"))
        return egdi__fail(EGDI_ERR_NOT_FOUND, "edition %d: component 'osi': its indicator "
                          "osi_raw is not a column of the data, so it cannot be left out", year);
    egdi_index *idx = NULL;
    egdi_status st = egdi_index_new(&idx);
    if (st != EGDI_OK)
        return st;
    st = egdi_index_add_aggregate(idx, "egdi", NULL, 1.0);
    if (st == EGDI_OK)
        st = egdi_index_set_name(idx, "egdi", "E-Government Development Index");
    if (st == EGDI_OK) /* a country without one of the three components is not ranked */
        st = egdi_index_set_min_share(idx, "egdi", 1.0);
    if (input == EGDI_INPUT_COMPONENTS) {
        const char *codes[3] = {"osi", "tii", "hci"};
        for (int k = 0; k < 3 && st == EGDI_OK; k++)
            st = egdi_index_add_indicator(idx, codes[k], "egdi", e->w[k]);
    } else {
        st = st ? st : egdi_index_add_indicator(idx, "osi", "egdi", e->w[0]);
        st = st ? st : egdi_index_set_source(idx, "osi", "osi_raw");
        st = st ? st : egdi_index_set_normalization(idx, "osi", EGDI_NORM_MINMAX, NULL, 0);
        st = st ? st : add_composite(idx, e, "tii", e->w[1], e->tii, NULL, 1, data);
        st = st ? st : add_composite(idx, e, "hci", e->w[2], e->hci, e->hci_w, 0, data);
    }
    st = st ? st : egdi_index_set_name(idx, "osi", "Online Service Index");
    st = st ? st : egdi_index_set_name(idx, "tii", "Telecommunication Infrastructure Index");
    st = st ? st : egdi_index_set_name(idx, "hci", "Human Capital Index");
    if (st != EGDI_OK) {
        egdi_index_free(idx);
        return st;
    }
    *out = idx;
    return EGDI_OK;
}

egdi_status egdi_survey_index(int year, egdi_survey_input input, egdi_index **out)
{
    EGDI_CHECK_ARG(out, "out");
    return build(year, input, NULL, out);
}

egdi_status egdi_survey_index_for_data(int year, egdi_survey_input input,
                                       const egdi_dataset *data, egdi_index **out)
{
    EGDI_CHECK_ARG(data && out, "data/out");
    return build(year, input, input == EGDI_INPUT_RAW ? data : NULL, out);
}

const char *egdi_survey_absent_indicator(int year, egdi_survey_input input,
                                         const egdi_dataset *data, size_t i,
                                         const char **component)
{
    const edition *e = input == EGDI_INPUT_RAW && data ? find_edition(year) : NULL;
    if (!e)
        return NULL;
    static const char *const comps[2] = {"tii", "hci"};
    const char *const *lists[2] = {e->tii, e->hci};
    for (size_t c = 0; c < 2; c++)
        for (size_t k = 0; k < count(lists[c]); k++)
            if (!has_column(data, lists[c][k]) && i-- == 0) {
                if (component)
                    *component = comps[c];
                return lists[c][k];
            }
    return NULL;
}
