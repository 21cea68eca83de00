/* SWIG declarations of <egdi/explain.h>: the enum egdi_versus as constants,
 * and the two calls with their options as arguments (egdi_py_explain,
 * egdi_py_survey_explain), returning (gap, strengths) datasets. */
%ignore egdi_explain_options;
%ignore egdi_explain_options_init_version;
%ignore egdi_explain;
%ignore egdi_survey_explain;
%include "egdi/explain.h"

%apply egdi_dataset **out { egdi_dataset **gap, egdi_dataset **strengths };

%{
static egdi_explain_options egdi_py_explain_options(const char *root, int versus,
                                                    const char *versus_unit,
                                                    const char *group_column,
                                                    const char *group_label,
                                                    int rank_decimals, size_t top_n,
                                                    size_t bottom_n, int min_rank_gap,
                                                    int min_discard)
{
    egdi_explain_options o = EGDI_EXPLAIN_OPTIONS_INIT;
    o.root = root;
    o.versus = (egdi_versus)versus;
    o.versus_unit = versus_unit;
    o.group_column = group_column;
    o.group_label = group_label;
    o.rank_decimals = rank_decimals;
    o.top_n = top_n;
    o.bottom_n = bottom_n;
    o.min_rank_gap = min_rank_gap;
    o.min_discard = min_discard;
    return o;
}
%}

%inline %{
/** egdi_survey_explain with its options as arguments; returns (gap, strengths). */
egdi_status egdi_py_survey_explain(int edition, int input, const egdi_dataset *data,
                                   const char *unit, int versus, const char *versus_unit,
                                   const char *group_column, const char *group_label,
                                   int rank_decimals, size_t top_n, size_t bottom_n,
                                   int min_rank_gap, int min_discard, egdi_dataset **gap,
                                   egdi_dataset **strengths, int impute,
                                   const char *impute_group, int allow_out_of_range,
                                   int allow_edition_mismatch, int drop_absent_indicators)
{
    egdi_explain_options o =
        egdi_py_explain_options(NULL, versus, versus_unit, group_column, group_label,
                                rank_decimals, top_n, bottom_n, min_rank_gap, min_discard);
    egdi_survey_options so =   /* the ranking choices are the explanation's own */
        egdi_py_survey_options(0, -2, 0, 0, 0, impute, impute_group, allow_out_of_range,
                               allow_edition_mismatch);
    so.drop_absent_indicators = drop_absent_indicators;
    o.survey = &so;
    return egdi_survey_explain(edition, (egdi_survey_input)input, data, unit, &o, gap,
                               strengths);
}

/** egdi_explain (any index) with its options as arguments; returns (gap, strengths). */
egdi_status egdi_py_explain(const egdi_index *idx, const egdi_dataset *data, const char *unit,
                            const char *root, int versus, const char *versus_unit,
                            const char *group_column, const char *group_label,
                            int rank_decimals, size_t top_n, size_t bottom_n, int min_rank_gap,
                            int min_discard, egdi_dataset **gap, egdi_dataset **strengths)
{
    egdi_explain_options o =
        egdi_py_explain_options(root, versus, versus_unit, group_column, group_label,
                                rank_decimals, top_n, bottom_n, min_rank_gap, min_discard);
    return egdi_explain(idx, data, unit, &o, gap, strengths);
}
%}
