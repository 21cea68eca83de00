/* Imputation methods: fill an indicator's missing values from the values it
 * has, over all units or within the units' group (a label column). The
 * statistic is fitted first; a unit whose group has no value, or that has no
 * group, stays missing. flags[i] = 1 marks every value that was filled. */
#include <math.h>
#include <string.h>

#include <gsl/gsl_sort_double.h>

#include "methods/methods.h"

static egdi_status none_apply(const egdi__args *a, const double *fitted)
{
    (void)fitted;
    if (a->out != a->x)
        memcpy(a->out, a->x, a->n * sizeof *a->out);
    memset(a->flags, 0, a->n);
    return EGDI_OK;
}

/* Median of m sorted values (the mean of the two middle ones when m is even). */
static double median_sorted(const double *s, size_t m)
{
    if (m == 0)
        return NAN;
    return m % 2 ? s[m / 2] : 0.5 * (s[m / 2 - 1] + s[m / 2]);
}

static egdi_status mean_fit(const egdi__args *a, double *f)
{
    double sum = 0;
    size_t m = 0;
    for (size_t i = 0; i < a->n; i++)
        if (!isnan(a->x[i])) {
            sum += a->x[i];
            m++;
        }
    f[0] = m ? sum / (double)m : NAN;
    return EGDI_OK;
}

static egdi_status median_fit(const egdi__args *a, double *f)
{
    size_t m = 0;
    for (size_t i = 0; i < a->n; i++)
        if (!isnan(a->x[i]))
            a->work[m++] = a->x[i];
    gsl_sort(a->work, 1, m);
    f[0] = median_sorted(a->work, m);
    return EGDI_OK;
}

static egdi_status group_mean_fit(const egdi__args *a, double *f)
{
    double *cnt = a->work; /* the work area holds at least n_groups doubles */
    for (size_t g = 0; g < a->n_groups; g++)
        f[g] = cnt[g] = 0;
    for (size_t i = 0; i < a->n; i++)
        if (a->groups[i] >= 0 && !isnan(a->x[i])) {
            f[a->groups[i]] += a->x[i];
            cnt[a->groups[i]] += 1;
        }
    for (size_t g = 0; g < a->n_groups; g++)
        f[g] = cnt[g] > 0 ? f[g] / cnt[g] : NAN;
    return EGDI_OK;
}

static egdi_status group_median_fit(const egdi__args *a, double *f)
{
    /* counting sort of the present values by group, then a median per segment */
    size_t *start = a->iwork; /* n_groups + 1 offsets */
    size_t *fill = a->iwork + a->n_groups + 1;
    for (size_t g = 0; g <= a->n_groups; g++)
        start[g] = 0;
    for (size_t i = 0; i < a->n; i++)
        if (a->groups[i] >= 0 && !isnan(a->x[i]))
            start[a->groups[i] + 1]++;
    for (size_t g = 0; g < a->n_groups; g++) {
        start[g + 1] += start[g];
        fill[g] = start[g];
    }
    for (size_t i = 0; i < a->n; i++)
        if (a->groups[i] >= 0 && !isnan(a->x[i]))
            a->work[fill[a->groups[i]]++] = a->x[i];
    for (size_t g = 0; g < a->n_groups; g++) {
        size_t m = start[g + 1] - start[g];
        gsl_sort(a->work + start[g], 1, m);
        f[g] = median_sorted(a->work + start[g], m);
    }
    return EGDI_OK;
}

static egdi_status fill_apply(const egdi__args *a, const double *f)
{
    for (size_t i = 0; i < a->n; i++) {
        double v = a->x[i];
        a->flags[i] = 0;
        if (isnan(v)) {
            double fill = NAN;
            if (!a->groups)
                fill = f[0];
            else if (a->groups[i] >= 0)
                fill = f[a->groups[i]];
            if (!isnan(fill)) {
                v = fill;
                a->flags[i] = 1;
            }
        }
        a->out[i] = v;
    }
    return EGDI_OK;
}

#define GROUPS (EGDI__M_DATA_DRIVEN | EGDI__M_USES_GROUPS)
const egdi__method egdi__impute_methods[] = {
    [EGDI_IMPUTE_NONE] = {EGDI_STEP_IMPUTE, EGDI_IMPUTE_NONE, "none",
                          "missing values stay missing", NULL, 0, 0, 0, NULL, 0, NULL, none_apply},
    [EGDI_IMPUTE_MEAN] = {EGDI_STEP_IMPUTE, EGDI_IMPUTE_MEAN, "mean",
                          "the mean of the indicator over the units that have a value", NULL, 0, 0,
                          EGDI__M_DATA_DRIVEN, NULL, 1, mean_fit, fill_apply},
    [EGDI_IMPUTE_MEDIAN] = {EGDI_STEP_IMPUTE, EGDI_IMPUTE_MEDIAN, "median",
                            "the median of the indicator over the units that have a value", NULL,
                            0, 0, EGDI__M_DATA_DRIVEN, NULL, 1, median_fit, fill_apply},
    [EGDI_IMPUTE_GROUP_MEAN] = {EGDI_STEP_IMPUTE, EGDI_IMPUTE_GROUP_MEAN, "groupmean",
                                "the mean over the units of the same group (a label column)",
                                NULL, 0, 0, GROUPS, NULL, 1, group_mean_fit, fill_apply},
    [EGDI_IMPUTE_GROUP_MEDIAN] = {EGDI_STEP_IMPUTE, EGDI_IMPUTE_GROUP_MEDIAN, "groupmedian",
                                  "the median over the units of the same group (a label column)",
                                  NULL, 0, 0, GROUPS, NULL, 1, group_median_fit, fill_apply},
};
const size_t egdi__n_impute_methods = sizeof egdi__impute_methods / sizeof *egdi__impute_methods;
