/* The published EGDI and rank next to the recomputed ones (egdi/published.h). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "data/data.h"
#include "survey/survey.h"

static double *numeric(const egdi_dataset *ds, const char *name)
{
    size_t j = egdi__dataset_column(ds, name);
    return j != (size_t)-1 && ds->cols[j].kind == EGDI_COLUMN_NUMERIC ? ds->cols[j].num : NULL;
}

static void set_ranks(double *col, const int *ranks, size_t n)
{
    for (size_t i = 0; i < n; i++)
        col[i] = ranks[i] ? (double)ranks[i] : NAN;
}

/* Rank, group, class and the ranks within groups of tab on the values v, as
 * the ranking table ranks (egdi__survey_rank()). */
static egdi_status rerank(egdi_dataset *tab, const double *v, const egdi__survey_rules *r)
{
    size_t n = tab->n_units;
    double *x = egdi__mallocarray(n, sizeof *x), *egdi = numeric(tab, "egdi");
    double *rank = numeric(tab, "rank");
    int *ibuf = egdi__mallocarray(n, sizeof *ibuf), *groups = egdi__mallocarray(n, sizeof *groups);
    int *classes = egdi__mallocarray(n, sizeof *classes);
    size_t jg = egdi__dataset_column(tab, "group"), jc = egdi__dataset_column(tab, "rating_class");
    egdi_status st = x && ibuf && groups && classes
                         ? EGDI_OK : egdi__fail(EGDI_ERR_NOMEM, "out of memory");
    if (st == EGDI_OK && (!egdi || !rank || jg == (size_t)-1 || jc == (size_t)-1))
        st = egdi__fail(EGDI_ERR_DATA, "the ranking table lacks egdi, rank, group or "
                        "rating_class"); /* cannot happen: the table always has them */
    if (st == EGDI_OK) {
        memcpy(egdi, v, n * sizeof *v);
        memcpy(x, v, n * sizeof *v);
    }
    st = st ? st : egdi__survey_rank(r, x, n, ibuf, groups, classes);
    if (st == EGDI_OK)
        set_ranks(rank, ibuf, n);
    for (size_t i = 0; i < n && st == EGDI_OK; i++)
        st = egdi_dataset_set_label(tab, i, jg, egdi_group_name(groups[i]));
    for (size_t i = 0; i < n && st == EGDI_OK && r->info.has_rating_classes; i++)
        st = egdi_dataset_set_label(tab, i, jc, egdi_rating_class_label(classes[i]));
    for (size_t k = 0; k < r->o.n_rank_within && st == EGDI_OK; k++) {
        char name[256];
        snprintf(name, sizeof name, "%s_rank", r->o.rank_within[k]);
        size_t jl = egdi__dataset_column(tab, r->o.rank_within[k]);
        double *col = numeric(tab, name);
        if (jl == (size_t)-1 || tab->cols[jl].kind != EGDI_COLUMN_LABEL || !col)
            continue; /* the computation has made both */
        st = egdi_rank_within(x, tab->cols[jl].codes, n, -1, EGDI_TIES_MIN, ibuf);
        if (st == EGDI_OK)
            set_ranks(col, ibuf, n);
    }
    free(x), free(ibuf), free(groups), free(classes);
    return st;
}

/* Decimals (0..6) that every value of a column carries: the least d with
 * v * 10^d whole for all v. */
static int decimals_of(const double *v, size_t n)
{
    int d = 0;
    for (size_t i = 0; i < n; i++)
        while (d < 6 && !isnan(v[i]) &&
               fabs(v[i] * egdi__pow10(d) - nearbyint(v[i] * egdi__pow10(d))) > 1e-6)
            d++;
    return d;
}

typedef struct keyed {
    double v;
    size_t i;
} keyed;

static int by_value(const void *a, const void *b)
{
    double x = ((const keyed *)a)->v, y = ((const keyed *)b)->v;
    return x < y ? -1 : x > y;
}

static int same_rank(double a, double b)
{
    return (isnan(a) && isnan(b)) || a == b;
}

/* published_note of a unit whose rank differs without an anomaly of its own. */
static void rank_note(const egdi_dataset *tab, size_t i, const keyed *sorted, const size_t *pos,
                      size_t n_sorted, const double *pub, const double *pub_rank,
                      const double *rec, const double *ranked, const size_t *anomalies,
                      size_t n_anomalies, int dec, int rank_dec, char *note, size_t size)
{
    const char *name = egdi_dataset_unit_name(tab, i);
    /* a unit with the same published EGDI and another published rank */
    if (pos[i] != (size_t)-1) {
        /* the run of equal published values around this unit: the nearest one
         * before it first, then after it */
        size_t lo = pos[i], hi = pos[i] + 1;
        while (lo > 0 && sorted[lo - 1].v == sorted[pos[i]].v)
            lo--;
        while (hi < n_sorted && sorted[hi].v == sorted[pos[i]].v)
            hi++;
        for (size_t k = 0; k + 1 < hi - lo; k++) {
            size_t s = k < pos[i] - lo ? pos[i] - 1 - k : pos[i] + 1 + (k - (pos[i] - lo));
            if (!same_rank(pub_rank[sorted[s].i], pub_rank[i])) {
                snprintf(note, size, "near tie: the published EGDI %.*f equals %s's at %d "
                         "decimals, but the Survey ranked %s %.0f and %s %.0f on finer values",
                         dec, pub[i], egdi_dataset_unit_name(tab, sorted[s].i), dec, name,
                         pub_rank[i], egdi_dataset_unit_name(tab, sorted[s].i),
                         pub_rank[sorted[s].i]);
                return;
            }
        }
    }
    /* a unit with a source anomaly whose two values enclose this unit's */
    double v = ranked[i];
    if (rank_dec >= 0)
        egdi_round(&v, 1, rank_dec, &v);
    for (size_t a = 0; a < n_anomalies && anomalies; a++) {
        size_t x = anomalies[a];
        double lo = fmin(pub[x], rec[x]), hi = fmax(pub[x], rec[x]);
        if (rank_dec >= 0) {
            egdi_round(&lo, 1, rank_dec, &lo);
            egdi_round(&hi, 1, rank_dec, &hi);
        }
        if (x != i && lo <= v && v <= hi) {
            snprintf(note, size, "moved by %s's source anomaly: %s's published EGDI is %.*f, "
                     "its components give %.*f, %s's is %.*f",
                     egdi_dataset_unit_name(tab, x), egdi_dataset_unit_name(tab, x), dec, pub[x],
                     dec + 1, rec[x], name, dec, v);
            return;
        }
    }
    snprintf(note, size, "unexplained");
}

/* The columns egdi_published, rank_published, published_diff, published_note.
 * rec: the EGDI of the published components; ranked: the EGDI the table ranked. */
static egdi_status add_columns(egdi_dataset *tab, const egdi_dataset *data, const double *pub,
                               const double *pub_rank, const double *rec, int on_published,
                               const egdi__survey_rules *r)
{
    size_t n = tab->n_units, n_anomalies = 0, n_sorted = 0;
    const double *ranked = numeric(tab, "egdi"), *rank = numeric(tab, "rank");
    const char *comp[3] = {"osi", "tii", "hci"};
    double w[3] = {r->info.weight_osi, r->info.weight_tii, r->info.weight_hci};
    int dec = r->info.decimals;
    double tol = 0.5 / egdi__pow10(dec) + 1e-12;
    for (int k = 0; k < 3; k++) {
        const double *c = numeric(data, comp[k]);
        tol += c ? w[k] * 0.5 / egdi__pow10(decimals_of(c, n)) : 0;
    }
    size_t *anomalies = egdi__mallocarray(n, sizeof *anomalies);
    size_t *pos = egdi__mallocarray(n, sizeof *pos);
    keyed *sorted = egdi__mallocarray(n, sizeof *sorted);
    const char **diff = egdi__mallocarray(n, sizeof *diff);
    char **notes = calloc(n ? n : 1, sizeof *notes);
    unsigned char *anomaly = calloc(n ? n : 1, 1);
    egdi_status st = anomalies && pos && sorted && diff && notes && anomaly
                         ? EGDI_OK : egdi__fail(EGDI_ERR_NOMEM, "out of memory");
    for (size_t i = 0; i < n && st == EGDI_OK; i++) {
        anomaly[i] = !on_published && fabs(pub[i] - rec[i]) > tol; /* false with a NaN */
        if (anomaly[i])
            anomalies[n_anomalies++] = i;
        pos[i] = (size_t)-1;
        if (!isnan(pub[i])) {
            sorted[n_sorted].i = i;
            sorted[n_sorted].v = pub[i];
            st = egdi_round(&sorted[n_sorted].v, 1, dec, &sorted[n_sorted].v);
            n_sorted++;
        }
    }
    if (st == EGDI_OK) {
        qsort(sorted, n_sorted, sizeof *sorted, by_value);
        for (size_t s = 0; s < n_sorted; s++)
            pos[sorted[s].i] = s;
    }
    char note[512];
    for (size_t i = 0; i < n && st == EGDI_OK; i++) {
        /* a unit not assessed (no published EGDI) keeps the file's placeholder rank */
        int rank_differs = !same_rank(rank[i], pub_rank[i]) && !(isnan(pub[i]) && isnan(rank[i]));
        diff[i] = anomaly[i] ? (rank_differs ? "egdi+rank" : "egdi") : rank_differs ? "rank" : "";
        if (!*diff[i])
            continue;
        if (anomaly[i])
            snprintf(note, sizeof note, "source anomaly: the published EGDI %.*f is not the "
                     "edition's weighted mean of the published components, %.*f (difference "
                     "%.1e; rounding allows %.1e)", dec, pub[i], dec + 1, rec[i],
                     fabs(pub[i] - rec[i]), tol);
        else
            rank_note(tab, i, sorted, pos, n_sorted, pub, pub_rank, rec, ranked, anomalies,
                      n_anomalies, dec, r->info.rank_decimals, note, sizeof note);
        if (!(notes[i] = egdi__strdup(note)))
            st = egdi__fail(EGDI_ERR_NOMEM, "out of memory");
    }
    st = st ? st : egdi_dataset_add_numeric(tab, "egdi_published", pub, n);
    st = st ? st : egdi_dataset_add_numeric(tab, "rank_published", pub_rank, n);
    st = st ? st : egdi_dataset_add_labels(tab, "published_diff", diff, n);
    st = st ? st : egdi_dataset_add_labels(tab, "published_note", (const char *const *)notes, n);
    for (size_t i = 0; notes && i < n; i++)
        free(notes[i]);
    free(notes), free(anomalies), free(pos), free(sorted), free((void *)diff), free(anomaly);
    return st;
}

egdi_status egdi_survey_compute_published(int edition, const egdi_dataset *data,
                                          const egdi_survey_options *opts, unsigned flags,
                                          egdi_dataset **out)
{
    EGDI_CHECK_ARG(data && out, "data/out");
    if (flags & ~(unsigned)(EGDI_PUBLISHED_COLUMNS | EGDI_PUBLISHED_RANK))
        return egdi__fail(EGDI_ERR_INVALID_ARG, "unknown published flags 0x%x", flags);
    const char *need[2] = {"egdi_published", "rank_published"};
    for (int k = 0; k < 2; k++)
        if (!numeric(data, need[k]))
            return egdi__fail(EGDI_ERR_NOT_FOUND, "the data has no numeric column '%s': the "
                              "published figures come from a Data Center export", need[k]);
    egdi_dataset *tab = NULL;
    egdi__survey_rules r; /* the ranking rules, as the table used them */
    egdi_status st = egdi_survey_compute_ex(edition, EGDI_INPUT_COMPONENTS, data, opts, &tab);
    st = st ? st : egdi__survey_rules_resolve(edition, opts, &r);
    size_t n = data->n_units;
    double *rec = st == EGDI_OK ? egdi__mallocarray(n, sizeof *rec) : NULL;
    if (st == EGDI_OK && !rec)
        st = egdi__fail(EGDI_ERR_NOMEM, "out of memory");
    if (st == EGDI_OK)
        memcpy(rec, numeric(tab, "egdi"), n * sizeof *rec);
    const double *pub = numeric(data, "egdi_published");
    if (st == EGDI_OK && (flags & EGDI_PUBLISHED_RANK))
        st = rerank(tab, pub, &r);
    if (st == EGDI_OK && (flags & EGDI_PUBLISHED_COLUMNS))
        st = add_columns(tab, data, pub, numeric(data, "rank_published"), rec,
                         (flags & EGDI_PUBLISHED_RANK) != 0, &r);
    free(rec);
    if (st != EGDI_OK) {
        egdi_dataset_free(tab);
        return st;
    }
    *out = tab;
    return EGDI_OK;
}
