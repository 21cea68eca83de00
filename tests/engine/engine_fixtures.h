/* What the engine suites share: a deterministic generator, the raw columns of
 * the 2024 preset, and an index that uses every method of every step. */
#ifndef EGDI_ENGINE_FIXTURES_H
#define EGDI_ENGINE_FIXTURES_H

#include <stdint.h>

#include <egdi/egdi.h>

#include "test_util.h"

/* splitmix64: the same sequence on every machine */
static inline uint64_t next(uint64_t *s)
{
    uint64_t z = (*s += 0x9e3779b97f4a7c15u);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
    return z ^ (z >> 31);
}

/* uniform in [lo, hi) */
static inline double unif(uint64_t *s, double lo, double hi)
{
    return lo + (hi - lo) * (double)(next(s) >> 11) * 0x1p-53;
}

/* The 9 raw columns of the 2024 preset (osi_raw, 4 TII, 4 HCI indicators) and
 * an upper bound of plausible values for each. */
static const double survey_hi[9] = {1, 150, 150, 150, 150, 100, 110, 20, 14};
static inline void survey_columns(const char *cols[9])
{
    cols[0] = "osi_raw";
    for (size_t i = 0; i < 4; i++) {
        cols[1 + i] = egdi_survey_indicator(2024, "tii", i);
        cols[5 + i] = egdi_survey_indicator(2024, "hci", i);
    }
}

/* A dataset of n units coded prefix000, prefix001, ... and no columns. */
static inline egdi_dataset *fixture_units(size_t n, const char *prefix)
{
    egdi_dataset *ds = NULL;
    OK(egdi_dataset_new(&ds));
    char code[32];
    for (size_t i = 0; i < n; i++) {
        snprintf(code, sizeof code, "%s%03zu", prefix, i);
        OK(egdi_dataset_add_unit(ds, code, NULL, NULL));
    }
    return ds;
}

/* Numeric columns cols[0..n_cols) uniform in [1, 100) with 8 % missing, and
 * a label column "region" of 3 levels (every 4th unit has none): the data of
 * all_methods_imeta. */
static inline void fixture_method_columns(egdi_dataset *ds, const char *const *cols,
                                          size_t n_cols, uint64_t *seed)
{
    static const char *const reg[] = {"north", "south", "east", NULL};
    size_t n = egdi_dataset_n_units(ds);
    double *v = malloc(n * sizeof *v);
    const char **labels = malloc(n * sizeof *labels);
    for (size_t j = 0; j < n_cols; j++) {
        for (size_t i = 0; i < n; i++)
            v[i] = unif(seed, 0, 1) < 0.08 ? NAN : unif(seed, 1, 100);
        OK(egdi_dataset_add_numeric(ds, cols[j], v, n));
    }
    for (size_t i = 0; i < n; i++)
        labels[i] = reg[i % 4];
    OK(egdi_dataset_add_labels(ds, "region", labels, n));
    free(v), free(labels);
}

/* Every method of every step: imputation by mean, median, group mean and
 * group median (by a label column "region"), caps, direction -1 on an
 * indicator and an aggregate, every normalisation, a geometric mean with
 * MinShare. Data columns x1..x6. */
static const char all_methods_imeta[] =
    "iCode,Parent,Weight,Type,Direction,Normalisation,NormParams,CapLower,CapUpper,"
    "Aggregation,MinShare,Imputation,ImputeGroup\n"
    "r,,1,Aggregate,1,minmax,0 100,,,mean,0,,\n"
    "a,r,0.4,Aggregate,1,,,,,geomean,0.5,,\n"
    "x2,a,1,Indicator,-1,minmax,1 2,,90,,,,\n"
    "x3,a,2,Indicator,1,fracmax,,,,,,mean,\n"
    "b,r,0.6,Aggregate,-1,zscore,,,,mean,0,,\n"
    "x1,b,1,Indicator,1,zscore,,5,,,,median,\n"
    "x4,b,0.5,Indicator,1,goalposts,0 10,,,,,,\n"
    "x5,b,1,Indicator,1,zscore,50 10,,,,,groupmedian,region\n"
    "x6,b,0.25,Indicator,1,,,,,,,groupmean,region\n";

#endif
