/* UN Data Center exports in, ranking tables out. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "dataset_internal.h"

static const char *const un_header[8] = {
    "Survey Year", "Country Name", "E-Government Rank", "E-Government Index",
    "E-Participation Index", "Online Service Index", "Human Capital Index",
    "Telecommunication Infrastructure Index"};
/* dataset column for each numeric file column (file column 1 = the name) */
static const char *const un_cols[8] = {"survey_year", NULL, "rank_published", "egdi_published",
                                       "epi", "osi", "hci", "tii"};

static egdi_status un_from_csv(const egdi__csv *csv, const char *src, int keep, egdi_dataset *ds)
{
    if (csv->n_cols != 8)
        return egdi__fail(EGDI_ERR_PARSE, "%s:%zu: a Data Center export has 8 columns, this "
                          "header has %zu", src, csv->line[0], csv->n_cols);
    for (size_t j = 0; j < 8; j++)
        if (strcmp(egdi__csv_cell(csv, 0, j), un_header[j]) != 0)
            return egdi__fail(EGDI_ERR_PARSE, "%s:%zu: column %zu: header '%s', expected '%s'",
                              src, csv->line[0], j + 1, egdi__csv_cell(csv, 0, j), un_header[j]);
    egdi_status st = EGDI_OK;
    for (size_t r = 1; r < csv->n_rows && st == EGDI_OK; r++) {
        const char *name = egdi__csv_cell(csv, r, 1);
        st = egdi_dataset_add_unit(ds, name, name, NULL);
        if (st != EGDI_OK)
            egdi__error_prefix("%s:%zu: column 2: ", src, csv->line[r]);
    }
    for (size_t j = 0; j < 8 && st == EGDI_OK; j++)
        if (un_cols[j])
            st = egdi_dataset_add_numeric(ds, un_cols[j], NULL, 0);
    double year = NAN;
    for (size_t r = 1; r < csv->n_rows && st == EGDI_OK; r++) {
        size_t k = 0;
        for (size_t j = 0; j < 8 && st == EGDI_OK; j++) {
            if (!un_cols[j])
                continue;
            const char *cell = egdi__csv_cell(csv, r, j);
            double *dst = &ds->cols[k++].num[r - 1];
            if (!egdi__parse_number(cell, dst))
                st = egdi__fail(EGDI_ERR_PARSE, "%s:%zu: column %zu ('%s'), country '%s': '%s' "
                                "is not a number", src, csv->line[r], j + 1, un_header[j],
                                ds->codes[r - 1], cell);
        }
        if (st != EGDI_OK)
            break;
        double y = ds->cols[0].num[r - 1];
        if (isnan(y) || (!isnan(year) && y != year))
            st = egdi__fail(EGDI_ERR_PARSE, "%s:%zu: column 1 ('Survey Year'): '%s' differs from "
                            "the first row's year %g", src, csv->line[r],
                            egdi__csv_cell(csv, r, 0), year);
        year = y;
        /* placeholder rows: EGDI exactly 0 means "not assessed" */
        if (!keep && ds->cols[2].num[r - 1] == 0.0)
            for (size_t c = 2; c < 7; c++)
                ds->cols[c].num[r - 1] = NAN;
    }
    return st;
}

egdi_status egdi_survey_read_un_csv_buffer(const char *text, size_t len, int keep,
                                           egdi_dataset **out)
{
    return egdi__survey_read_un(text, len, keep, "<buffer>", out);
}

egdi_status egdi__survey_read_un(const char *text, size_t len, int keep, const char *src,
                                 egdi_dataset **out)
{
    EGDI_CHECK_ARG((text || len == 0) && out, "text/out");
    egdi__locale loc;
    egdi_status st = egdi__locale_push(&loc);
    if (st != EGDI_OK)
        return st;
    egdi__csv csv;
    egdi_dataset *ds = NULL;
    st = egdi__csv_parse(text ? text : "", len, ',', src, &csv);
    if (st == EGDI_OK) {
        st = egdi_dataset_new(&ds);
        if (st == EGDI_OK)
            st = un_from_csv(&csv, src, keep, ds);
        egdi__csv_free(&csv);
    }
    egdi__locale_pop(&loc);
    if (st != EGDI_OK) {
        egdi_dataset_free(ds);
        return st;
    }
    *out = ds;
    return EGDI_OK;
}

egdi_status egdi_survey_read_un_csv(const char *path, int keep, egdi_dataset **out)
{
    EGDI_CHECK_ARG(path && out, "path/out");
    char *text = NULL;
    size_t len;
    egdi_status st = egdi__read_file(path, &text, &len);
    if (st != EGDI_OK)
        return st;
    st = egdi__survey_read_un(text, len, keep, path, out);
    free(text);
    return st;
}

/* EPI: the published index (components input) or min-max of epi_raw (raw input). */
static egdi_status add_epi(egdi_survey_input input, const egdi_dataset *data, egdi_dataset *out,
                           double *buf)
{
    size_t j;
    const char *src = input == EGDI_INPUT_COMPONENTS ? "epi" : "epi_raw";
    if (egdi_dataset_find_column(data, src, &j) != EGDI_OK ||
        data->cols[j].kind != EGDI_COLUMN_NUMERIC) {
        egdi_clear_error();
        return EGDI_OK;
    }
    if (input == EGDI_INPUT_COMPONENTS)
        return egdi_dataset_add_numeric(out, "epi", data->cols[j].num, data->n_units);
    egdi_index *idx = NULL;
    egdi_result *res = NULL;
    egdi_status st = egdi_index_new(&idx);
    st = st ? st : egdi_index_add_indicator(idx, "epi", NULL, 1.0);
    st = st ? st : egdi_index_set_source(idx, "epi", "epi_raw");
    st = st ? st : egdi_index_set_normalization(idx, "epi", EGDI_NORM_MINMAX, NULL, 0);
    st = st ? st : egdi_compute(idx, data, &res);
    st = st ? st : egdi_result_get_scores(res, "epi", buf, data->n_units);
    st = st ? st : egdi_dataset_add_numeric(out, "epi", buf, data->n_units);
    egdi_result_free(res);
    egdi_index_free(idx);
    return st;
}

void egdi_survey_options_init(egdi_survey_options *opts)
{
    if (!opts)
        return;
    memset(opts, 0, sizeof *opts);
    opts->version = EGDI_SURVEY_OPTIONS_VERSION;
    opts->rank_decimals = -2;
}

/* Resolve options against the edition; fills info with the values to use. */
static egdi_status resolve(int year, const egdi_survey_options *opts, egdi_edition_info *info,
                           const double **thresholds)
{
    info->version = EGDI_EDITION_INFO_VERSION;
    egdi_status st = egdi_survey_edition_info(year, info);
    *thresholds = NULL;
    if (st != EGDI_OK || !opts)
        return st;
    if (opts->version != EGDI_SURVEY_OPTIONS_VERSION)
        return egdi__fail(EGDI_ERR_INVALID_ARG, "egdi_survey_options: version %u, expected %u",
                          opts->version, EGDI_SURVEY_OPTIONS_VERSION);
    if (opts->quantile_type < 0 || opts->quantile_type > 9)
        return egdi__fail(EGDI_ERR_INVALID_ARG, "quantile_type %d is not 0..9",
                          opts->quantile_type);
    if (opts->rank_decimals < -2 || opts->rank_decimals > 15)
        return egdi__fail(EGDI_ERR_INVALID_ARG, "rank_decimals %d is not -2..15",
                          opts->rank_decimals);
    if (opts->quantile_type)
        info->quantile_type = opts->quantile_type;
    if (opts->rank_decimals != -2)
        info->rank_decimals = opts->rank_decimals;
    const double *t = opts->thresholds;
    if (t[0] != 0 || t[1] != 0 || t[2] != 0)
        *thresholds = t;
    return EGDI_OK;
}

static egdi_status build_table(const egdi_edition_info *info, const double *thresholds,
                               egdi_survey_input input, const egdi_dataset *data,
                               const egdi_result *res, egdi_dataset *out, double *buf, int *ibuf,
                               int *groups, const char **labels)
{
    size_t n = data->n_units;
    egdi_status st = EGDI_OK;
    for (size_t i = 0; i < n && st == EGDI_OK; i++)
        st = egdi_dataset_add_unit(out, data->codes[i], data->names[i], NULL);
    const char *nodes[4] = {"osi", "tii", "hci", "egdi"};
    for (int k = 0; k < 4 && st == EGDI_OK; k++) {
        st = egdi_result_get_scores(res, nodes[k], buf, n);
        st = st ? st : egdi_dataset_add_numeric(out, nodes[k], buf, n);
    }
    st = st ? st : add_epi(input, data, out, buf);
    /* rank, group and class all use the EGDI as the Survey ranks it */
    st = st ? st : egdi_result_get_scores(res, "egdi", buf, n);
    if (st == EGDI_OK && info->rank_decimals >= 0)
        st = egdi_round(buf, n, info->rank_decimals, buf);
    st = st ? st : egdi_rank(buf, n, -1, EGDI_TIES_MIN, ibuf);
    if (st == EGDI_OK) {
        size_t j = out->n_cols;
        st = egdi_dataset_add_numeric(out, "rank", NULL, 0);
        for (size_t i = 0; i < n && st == EGDI_OK; i++)
            out->cols[j].num[i] = ibuf[i] ? (double)ibuf[i] : NAN;
    }
    st = st ? st : egdi_groups(buf, n, thresholds, groups);
    for (size_t i = 0; i < n && st == EGDI_OK; i++)
        labels[i] = egdi_group_name(groups[i]);
    st = st ? st : egdi_dataset_add_labels(out, "group", labels, n);
    if (st == EGDI_OK && info->has_rating_classes)
        st = egdi_rating_classes(buf, groups, n, info->quantile_type, ibuf);
    for (size_t i = 0; i < n && st == EGDI_OK; i++)
        labels[i] = info->has_rating_classes ? egdi_rating_class_label(ibuf[i]) : NULL;
    st = st ? st : egdi_dataset_add_labels(out, "rating_class", labels, n);
    for (size_t j = 0; j < data->n_cols && st == EGDI_OK; j++)
        if (data->cols[j].kind == EGDI_COLUMN_LABEL) {
            size_t dummy;
            if (egdi_dataset_find_column(out, data->cols[j].name, &dummy) == EGDI_OK)
                continue; /* an input label named like an output column is not copied */
            egdi_clear_error();
            st = egdi__dataset_copy_column(out, data, j, NULL);
        }
    return st;
}

egdi_status egdi_survey_compute(int year, egdi_survey_input input, const egdi_dataset *data,
                                egdi_dataset **out)
{
    return egdi_survey_compute_ex(year, input, data, NULL, out);
}

egdi_status egdi_survey_compute_ex(int year, egdi_survey_input input, const egdi_dataset *data,
                                   const egdi_survey_options *opts, egdi_dataset **out)
{
    EGDI_CHECK_ARG(data && out, "data/out");
    egdi_index *idx = NULL;
    egdi_result *res = NULL;
    egdi_dataset *tab = NULL;
    size_t n = data->n_units ? data->n_units : 1;
    double *buf = malloc(n * sizeof *buf);
    int *ibuf = malloc(n * sizeof *ibuf), *groups = malloc(n * sizeof *groups);
    const char **labels = malloc(n * sizeof *labels);
    egdi_status st = buf && ibuf && groups && labels ? EGDI_OK
                                                     : egdi__fail(EGDI_ERR_NOMEM, "out of memory");
    egdi_edition_info info;
    const double *thresholds;
    st = st ? st : resolve(year, opts, &info, &thresholds);
    st = st ? st : egdi_survey_index(year, input, &idx);
    st = st ? st : egdi_compute(idx, data, &res);
    st = st ? st : egdi_dataset_new(&tab);
    st = st ? st : build_table(&info, thresholds, input, data, res, tab, buf, ibuf, groups, labels);
    free(buf), free(ibuf), free(groups), free(labels);
    egdi_result_free(res);
    egdi_index_free(idx);
    if (st != EGDI_OK) {
        egdi_dataset_free(tab);
        return st;
    }
    *out = tab;
    return EGDI_OK;
}
