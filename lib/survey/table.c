/* The ranking table of a Survey edition: the preset evaluated on a dataset,
 * then rank, group and rating class on the EGDI as the Survey ranks it. */
#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "data/data.h"
#include "engine/engine.h"
#include "survey/survey.h"

/* Size of each version of egdi_survey_options; a version's size never changes. */
static const size_t options_sizes[] = {
    0,
    offsetof(egdi_survey_options, thresholds) + 3 * sizeof(double),    /* 1: 1.0 */
    offsetof(egdi_survey_options, impute_group) + sizeof(const char *), /* 2: 1.1 */
    offsetof(egdi_survey_options, component_ranks) + sizeof(int), /* 3: 1.2 */
    offsetof(egdi_survey_options, drop_absent_indicators) + sizeof(int) /* 4: 1.3 */
};
#define N_OPTION_VERSIONS (sizeof options_sizes / sizeof *options_sizes)

static void defaults(egdi_survey_options *o)
{
    memset(o, 0, sizeof *o);
    o->version = EGDI_SURVEY_OPTIONS_VERSION;
    o->rank_decimals = -2;
    o->impute = EGDI_IMPUTE_NONE;
}

egdi_status egdi_survey_options_init_version(egdi_survey_options *opts, unsigned version)
{
    EGDI_CHECK_ARG(opts, "opts");
    egdi_survey_options d;
    defaults(&d);
    return egdi__versioned_init(opts, &d, options_sizes, N_OPTION_VERSIONS, version,
                                "egdi_survey_options");
}

void(egdi_survey_options_init)(egdi_survey_options *opts)
{
    if (opts) /* what binaries built against 1.0 call: their struct is version 1 */
        egdi_survey_options_init_version(opts, 1);
}

egdi_status egdi__survey_rules_resolve(int year, const egdi_survey_options *opts,
                                       egdi__survey_rules *r)
{
    r->info.version = EGDI_EDITION_INFO_VERSION;
    egdi_status st = egdi_survey_edition_info(year, &r->info);
    egdi_survey_options d, *o = &r->o;
    defaults(&d);
    if (st == EGDI_OK)
        st = egdi__versioned_read(o, &d, opts, options_sizes, N_OPTION_VERSIONS,
                                  "egdi_survey_options");
    if (st != EGDI_OK)
        return st;
    if (o->quantile_type < 0 || o->quantile_type > 9)
        return egdi__fail(EGDI_ERR_INVALID_ARG, "quantile_type %d is not 0..9", o->quantile_type);
    if (o->rank_decimals < -2 || o->rank_decimals > 15)
        return egdi__fail(EGDI_ERR_INVALID_ARG, "rank_decimals %d is not -2..15",
                          o->rank_decimals);
    if (o->n_rank_within && !o->rank_within)
        return egdi__fail(EGDI_ERR_INVALID_ARG, "rank_within is NULL but n_rank_within is %zu",
                          o->n_rank_within);
    if (o->quantile_type)
        r->info.quantile_type = o->quantile_type;
    if (o->rank_decimals != -2)
        r->info.rank_decimals = o->rank_decimals;
    const double *t = o->thresholds;
    if ((t[0] != 0 || t[1] != 0 || t[2] != 0) && !(t[0] < t[1] && t[1] < t[2]))
        return egdi__fail(EGDI_ERR_INVALID_ARG, "group thresholds %g, %g, %g are not increasing",
                          t[0], t[1], t[2]);
    static const double dflt[3] = {0.25, 0.5, 0.75}; /* egdi_groups()'s */
    memcpy(r->thresholds, t[0] != 0 || t[1] != 0 || t[2] != 0 ? t : dflt,
           sizeof r->thresholds);
    return EGDI_OK;
}

/* The edition's index as the ranking table computes it: without the raw
 * indicators absent from data with drop_absent_indicators, every indicator
 * imputed as the rules ask. */
static egdi_status rules_index(const egdi__survey_rules *r, egdi_survey_input input,
                               const egdi_dataset *data, egdi_index **out)
{
    const egdi_survey_options *o = &r->o;
    egdi_index *idx = NULL;
    egdi_status st = o->drop_absent_indicators
                         ? egdi_survey_index_for_data(r->info.edition, input, data, &idx)
                         : egdi_survey_index(r->info.edition, input, &idx);
    for (size_t k = 0; st == EGDI_OK && o->impute != EGDI_IMPUTE_NONE &&
                       k < egdi_index_n_nodes(idx); k++)
        if (egdi_index_node_is_indicator(idx, k) == 1) {
            st = egdi_index_set_imputation(idx, egdi_index_node_code(idx, k), o->impute,
                                           o->impute_group);
            if (st != EGDI_OK)
                egdi__error_prefix("imputation: ");
        }
    if (st != EGDI_OK) {
        egdi_index_free(idx);
        return st;
    }
    *out = idx;
    return EGDI_OK;
}

/* EPI: the published index (components input) or min-max of epi_raw (raw input). */
static egdi_status add_epi(egdi_survey_input input, const egdi_dataset *data, egdi_dataset *out)
{
    const char *src = input == EGDI_INPUT_COMPONENTS ? "epi" : "epi_raw";
    size_t j = egdi__dataset_column(data, src);
    if (j == (size_t)-1 || data->cols[j].kind != EGDI_COLUMN_NUMERIC)
        return EGDI_OK;
    if (input == EGDI_INPUT_COMPONENTS)
        return egdi_dataset_add_numeric(out, "epi", data->cols[j].num, data->n_units);
    egdi_index *idx = NULL;
    egdi_result *res = NULL;
    egdi_status st = egdi_index_new(&idx);
    st = st ? st : egdi_index_add_indicator(idx, "epi", NULL, 1.0);
    st = st ? st : egdi_index_set_source(idx, "epi", "epi_raw");
    st = st ? st : egdi_index_set_normalization(idx, "epi", EGDI_NORM_MINMAX, NULL, 0);
    st = st ? st : egdi_compute(idx, data, &res);
    if (st == EGDI_OK)
        st = egdi_dataset_add_numeric(out, "epi", NULL, 0);
    if (st == EGDI_OK)
        st = egdi_result_get_scores(res, "epi", out->cols[out->n_cols - 1].num, data->n_units);
    egdi_result_free(res);
    egdi_index_free(idx);
    return st;
}

/* Label column "imputed": per unit the indicators whose value was filled.
 * The plan's unit j is the table's unit rows[j] (rows NULL: the same). */
static egdi_status add_imputed(const egdi_plan *p, const egdi_eval *ev, const size_t *rows,
                               egdi_dataset *out, int *flags)
{
    size_t n = out->n_units, m = p->n_units, k_col = out->n_cols;
    egdi_status st = egdi_dataset_add_labels(out, "imputed", NULL, 0);
    char **text = calloc(n ? n : 1, sizeof *text);
    if (st == EGDI_OK && !text)
        st = egdi__fail(EGDI_ERR_NOMEM, "out of memory");
    for (size_t k = 0; k < p->n_nodes && st == EGDI_OK; k++) {
        if (!p->nodes[k].is_indicator)
            continue;
        st = egdi_eval_get_imputed(ev, k, flags, m);
        for (size_t r = 0; r < m && st == EGDI_OK; r++) {
            if (!flags[r])
                continue;
            size_t i = rows ? rows[r] : r;
            size_t have = text[i] ? strlen(text[i]) : 0, add = strlen(p->codes[k]) + 2;
            char *t = realloc(text[i], have + add);
            if (!t) {
                st = egdi__fail(EGDI_ERR_NOMEM, "out of memory");
                break;
            }
            snprintf(t + have, add, "%s%s", have ? ";" : "", p->codes[k]);
            text[i] = t;
        }
    }
    for (size_t i = 0; i < n && st == EGDI_OK; i++) {
        int code = egdi__level_intern(&out->cols[k_col], text[i]);
        if (code == -2)
            st = egdi__fail(EGDI_ERR_NOMEM, "out of memory");
        out->cols[k_col].codes[i] = code;
    }
    if (text)
        for (size_t i = 0; i < n; i++)
            free(text[i]);
    free(text);
    return st;
}

typedef struct scratch {
    double *buf, *tmp;
    int *ibuf, *ranks, *groups;
    const char **labels;
} scratch;

egdi_status egdi__survey_rank(const egdi__survey_rules *r, double *x, size_t n, int *ranks,
                              int *groups, int *classes)
{
    egdi_status st = EGDI_OK;
    if (r->info.rank_decimals >= 0)
        st = egdi_round(x, n, r->info.rank_decimals, x);
    st = st ? st : egdi_rank(x, n, -1, EGDI_TIES_MIN, ranks);
    st = st ? st : egdi_groups(x, n, r->thresholds, groups);
    if (st == EGDI_OK && r->info.has_rating_classes)
        return egdi_rating_classes(x, groups, n, r->info.quantile_type, classes);
    for (size_t i = 0; i < n && st == EGDI_OK; i++)
        classes[i] = 0;
    return st;
}

/* Append the numeric column `name` of the ranks (0 = unranked: missing). */
static egdi_status add_rank_column(egdi_dataset *out, const char *name, const int *ranks)
{
    egdi_status st = egdi_dataset_add_numeric(out, name, NULL, 0);
    double *col = st == EGDI_OK ? out->cols[out->n_cols - 1].num : NULL;
    for (size_t i = 0; i < out->n_units && st == EGDI_OK; i++)
        col[i] = ranks[i] ? (double)ranks[i] : NAN;
    return st;
}

/* A node's scores for every unit of the table: the result's unit j is the
 * table's unit rows[j] (rows NULL: the same units); the others are missing. */
static egdi_status scores(const egdi_result *res, const char *node, const size_t *rows, size_t n,
                          double *out, double *tmp)
{
    if (!rows)
        return egdi_result_get_scores(res, node, out, n);
    size_t m = egdi_result_n_units(res);
    egdi_status st = egdi_result_get_scores(res, node, tmp, m);
    for (size_t i = 0; i < n; i++)
        out[i] = NAN;
    for (size_t j = 0; j < m && st == EGDI_OK; j++)
        out[rows[j]] = tmp[j];
    return st;
}

/* Competition rank column `name` of the numeric column `from` of out, on the
 * edition's rank precision, as the Survey ranks its components. */
static egdi_status add_rank_of(const egdi_edition_info *info, egdi_dataset *out,
                               const char *from, const char *name, scratch *s)
{
    size_t n = out->n_units, j = egdi__dataset_column(out, from);
    if (j == (size_t)-1)
        return EGDI_OK; /* epi: only when the input has it */
    /* egdi_rank rounds to the decimals itself (-1: unrounded) */
    egdi_status st = egdi_rank(out->cols[j].num, n, info->rank_decimals, EGDI_TIES_MIN, s->ibuf);
    return st ? st : add_rank_column(out, name, s->ibuf);
}

/* "<label>_rank": the EGDI rank (s->buf: the EGDI as ranked) within the groups
 * of the label column `label` of data (check_data() made sure it has one). */
static egdi_status add_rank_within(const char *label, const egdi_dataset *data,
                                   egdi_dataset *out, scratch *s)
{
    size_t j = egdi__dataset_column(data, label);
    char name[256];
    if (snprintf(name, sizeof name, "%s_rank", label) >= (int)sizeof name)
        return egdi__fail(EGDI_ERR_INVALID_ARG, "rank within: the label name is too long");
    egdi_status st = egdi_rank_within(s->buf, data->cols[j].codes, out->n_units, -1,
                                      EGDI_TIES_MIN, s->ibuf);
    st = st ? st : add_rank_column(out, name, s->ibuf);
    if (st != EGDI_OK)
        egdi__error_prefix("rank within '%s': ", label);
    return st;
}

/* The table for every unit of data from res, computed on the units rows of
 * data (rows NULL: all of them). */
static egdi_status build_table(const egdi__survey_rules *r, egdi_survey_input input,
                               const egdi_dataset *data, const egdi_result *res,
                               const size_t *rows, egdi_dataset *out, scratch *s)
{
    const egdi_edition_info *info = &r->info;
    const egdi_survey_options *o = &r->o;
    size_t n = data->n_units;
    egdi_status st = egdi__dataset_copy_units(out, data);
    const char *nodes[4] = {"osi", "tii", "hci", "egdi"};
    for (int k = 0; k < 4 && st == EGDI_OK; k++) {
        st = egdi_dataset_add_numeric(out, nodes[k], NULL, 0);
        st = st ? st : scores(res, nodes[k], rows, n, out->cols[out->n_cols - 1].num, s->tmp);
    }
    /* rank, group and class all use the EGDI as the Survey ranks it */
    if (st == EGDI_OK)
        memcpy(s->buf, out->cols[out->n_cols - 1].num, n * sizeof *s->buf);
    st = st ? st : add_epi(input, data, out);
    st = st ? st : egdi__survey_rank(r, s->buf, n, s->ranks, s->groups, s->ibuf);
    st = st ? st : add_rank_column(out, "rank", s->ranks);
    for (size_t i = 0; i < n && st == EGDI_OK; i++)
        s->labels[i] = egdi_group_name(s->groups[i]);
    st = st ? st : egdi_dataset_add_labels(out, "group", s->labels, n);
    for (size_t i = 0; i < n && st == EGDI_OK; i++)
        s->labels[i] = info->has_rating_classes ? egdi_rating_class_label(s->ibuf[i]) : NULL;
    st = st ? st : egdi_dataset_add_labels(out, "rating_class", s->labels, n);
    if (st == EGDI_OK && o->impute != EGDI_IMPUTE_NONE)
        st = add_imputed(egdi__result_plan(res), egdi__result_eval(res), rows, out, s->ibuf);
    static const char *const components[][2] = {
        {"osi", "osi_rank"}, {"tii", "tii_rank"}, {"hci", "hci_rank"}, {"epi", "epi_rank"}};
    for (size_t c = 0; c < 4 && st == EGDI_OK && o->component_ranks; c++)
        st = add_rank_of(info, out, components[c][0], components[c][1], s);
    for (size_t k = 0; k < o->n_rank_within && st == EGDI_OK; k++)
        st = add_rank_within(o->rank_within[k], data, out, s);
    for (size_t j = 0; j < data->n_cols && st == EGDI_OK; j++)
        if (data->cols[j].kind == EGDI_COLUMN_LABEL &&
            egdi__dataset_column(out, data->cols[j].name) == (size_t)-1)
            st = egdi__dataset_copy_column(out, data, j, NULL); /* a name taken by an output
                                                                   column is not copied */
    return st;
}

/* With imputation, a unit without a single observed indicator of idx is not
 * assessed: it is left out of the computation (imputing it entirely would give
 * it a rank and move the statistics fitted on the others). When some unit is
 * left out, *sub is a new dataset of the others and, if rows is not NULL,
 * *rows a new array of the position in data of each of its units; otherwise
 * both stay NULL. */
static egdi_status assessed(const egdi_index *idx, const egdi_dataset *data, egdi_dataset **sub,
                            size_t **rows)
{
    size_t n = data->n_units, m = 0;
    unsigned char *seen = calloc(n ? n : 1, 1);
    size_t *pos = egdi__mallocarray(n, sizeof *pos);
    egdi_status st = seen && pos ? EGDI_OK : egdi__fail(EGDI_ERR_NOMEM, "out of memory");
    for (size_t k = 0; k < egdi_index_n_nodes(idx) && st == EGDI_OK; k++) {
        const char *source = egdi_index_node_source(idx, k);
        size_t j = source ? egdi__dataset_column(data, source) : (size_t)-1;
        if (j == (size_t)-1 || data->cols[j].kind != EGDI_COLUMN_NUMERIC)
            continue; /* a missing column is reported by the computation */
        for (size_t i = 0; i < n; i++)
            seen[i] |= !isnan(data->cols[j].num[i]);
    }
    for (size_t i = 0; i < n && st == EGDI_OK; i++)
        if (seen[i])
            pos[m++] = i;
    if (st == EGDI_OK && m < n)
        st = egdi_dataset_select_units(data, pos, m, sub);
    if (st == EGDI_OK && m < n && rows) {
        *rows = pos;
        pos = NULL;
    }
    free(seen), free(pos);
    return st;
}

/* Refuse data that cannot give a meaningful ranking (see survey.h). */
static egdi_status check_data(int year, egdi_survey_input input, const egdi_index *idx,
                              const egdi_dataset *data, const egdi_survey_options *o)
{
    size_t n = data->n_units;
    if (n == 0)
        return egdi__fail(EGDI_ERR_DATA, "the data has no units (countries) to rank");
    size_t jy = egdi__dataset_column(data, "survey_year");
    if (!o->allow_edition_mismatch && jy != (size_t)-1 &&
        data->cols[jy].kind == EGDI_COLUMN_NUMERIC)
        for (size_t i = 0; i < n; i++) {
            double y = data->cols[jy].num[i];
            if (!isnan(y) && y != (double)year)
                return egdi__fail(EGDI_ERR_DATA, "unit '%s': survey_year is %g, but the edition "
                                  "computed is %d; compute edition %g, or allow the mismatch "
                                  "(option allow_edition_mismatch; egdi: "
                                  "--allow-edition-mismatch)", data->codes[i], y, year, y);
        }
    for (size_t k = 0; k < egdi_index_n_nodes(idx); k++) {
        const char *source = egdi_index_node_source(idx, k);
        size_t j = source ? egdi__dataset_column(data, source) : (size_t)-1;
        if (j == (size_t)-1 || data->cols[j].kind != EGDI_COLUMN_NUMERIC)
            continue; /* reported by the computation, which names it */
        size_t i = 0;
        while (i < n && isnan(data->cols[j].num[i]))
            i++;
        if (i == n)
            return egdi__fail(EGDI_ERR_DATA, "column '%s' has no value for any of the %zu units",
                              source, n);
    }
    for (size_t k = 0; k < o->n_rank_within; k++) {
        const char *label = o->rank_within[k];
        size_t j = label ? egdi__dataset_column(data, label) : (size_t)-1;
        if (j == (size_t)-1 || data->cols[j].kind != EGDI_COLUMN_LABEL)
            return egdi__fail(EGDI_ERR_NOT_FOUND, "rank within '%s': the data has no label "
                              "column of that name", label ? label : "(null)");
    }
    if (input != EGDI_INPUT_COMPONENTS || o->allow_out_of_range)
        return EGDI_OK;
    static const char *const components[] = {"osi", "tii", "hci", "epi"};
    for (size_t c = 0; c < 4; c++) {
        size_t j = egdi__dataset_column(data, components[c]);
        if (j == (size_t)-1 || data->cols[j].kind != EGDI_COLUMN_NUMERIC)
            continue;
        for (size_t i = 0; i < n; i++) {
            double v = data->cols[j].num[i];
            if (isinf(v)) /* as the computation itself refuses it */
                return egdi__fail(EGDI_ERR_DOMAIN, "unit '%s': column '%s' holds %g, not a "
                                  "finite number", data->codes[i], components[c], v);
            if (v < 0 || v > 1)
                return egdi__fail(EGDI_ERR_DATA, "unit '%s': column '%s' is %g, outside [0, 1], "
                                  "where Survey component indices lie; to rank such data as it "
                                  "is, allow it (option allow_out_of_range; egdi: "
                                  "--allow-out-of-range)", data->codes[i], components[c], v);
        }
    }
    return EGDI_OK;
}

egdi_status egdi__survey_prepare(const egdi__survey_rules *r, egdi_survey_input input,
                                 const egdi_dataset *data, egdi_index **idx,
                                 egdi_dataset **sub, size_t **rows)
{
    *idx = NULL, *sub = NULL;
    if (rows)
        *rows = NULL;
    egdi_status st = rules_index(r, input, data, idx);
    st = st ? st : check_data(r->info.edition, input, *idx, data, &r->o);
    if (st == EGDI_OK && r->o.impute != EGDI_IMPUTE_NONE)
        st = assessed(*idx, data, sub, rows);
    if (st != EGDI_OK) {
        egdi_index_free(*idx);
        *idx = NULL;
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
    egdi_dataset *tab = NULL, *sub = NULL;
    size_t n = data->n_units, *rows = NULL;
    scratch s = {egdi__mallocarray(n, sizeof *s.buf), egdi__mallocarray(n, sizeof *s.tmp),
                 egdi__mallocarray(n, sizeof *s.ibuf), egdi__mallocarray(n, sizeof *s.ranks),
                 egdi__mallocarray(n, sizeof *s.groups), egdi__mallocarray(n, sizeof *s.labels)};
    egdi_status st = s.buf && s.tmp && s.ibuf && s.ranks && s.groups && s.labels
                         ? EGDI_OK : egdi__fail(EGDI_ERR_NOMEM, "out of memory");
    egdi__survey_rules r;
    st = st ? st : egdi__survey_rules_resolve(year, opts, &r);
    st = st ? st : egdi__survey_prepare(&r, input, data, &idx, &sub, &rows);
    st = st ? st : egdi_compute(idx, sub ? sub : data, &res);
    st = st ? st : egdi_dataset_new(&tab);
    st = st ? st : build_table(&r, input, data, res, rows, tab, &s);
    free(s.buf), free(s.tmp), free(s.ibuf), free(s.ranks), free(s.groups), free(s.labels);
    free(rows);
    egdi_dataset_free(sub);
    egdi_result_free(res);
    egdi_index_free(idx);
    if (st != EGDI_OK) {
        egdi_dataset_free(tab);
        return st;
    }
    *out = tab;
    return EGDI_OK;
}
