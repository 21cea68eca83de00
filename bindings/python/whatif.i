/* SWIG declarations of <egdi/whatif.h>: the answer struct as a proxy class
 * (its fields as attributes, filled by the C call with the GIL released),
 * egdi_whatif_solve through egdi_py_whatif below (its options as arguments),
 * and the natural bounds of a varied value as out values. egdi.whatif() is
 * the Pythonic layer over these. */

%ignore egdi_whatif_solve;              /* egdi_py_whatif */
%ignore egdi_whatif_options;
%ignore egdi_whatif_options_init_version;
%apply double *OUTPUT { double *lower, double *upper };

%include "egdi/whatif.h"

%clear double *lower, double *upper;

%inline %{
/** egdi_whatif_solve with its options as arguments: the input kind, the bounds
 *  (NaN = natural), the tolerance (0 = default), then the survey options as in
 *  egdi_py_survey_compute (quantile type, rank decimals, thresholds, imputation
 *  method and group column, the two plausibility overrides). Fills `answer`. */
egdi_status egdi_py_whatif(int edition, const egdi_dataset *data, const char *unit,
                           const char *vary, int target, int target_value, int input,
                           double lower, double upper, double tolerance, int quantile_type,
                           int rank_decimals, double t0, double t1, double t2, int impute,
                           const char *impute_group, int allow_out_of_range,
                           int allow_edition_mismatch, egdi_whatif_answer *answer)
{
    if (!answer)
        return egdi_set_error(EGDI_ERR_INVALID_ARG, "whatif: answer is None");
    egdi_survey_options so =
        egdi_py_survey_options(quantile_type, rank_decimals, t0, t1, t2, impute, impute_group,
                               allow_out_of_range, allow_edition_mismatch);
    egdi_whatif_options o;
    egdi_status st = egdi_whatif_options_init(&o);
    if (st != EGDI_OK)
        return st;
    o.input = (egdi_survey_input)input;
    o.survey = &so;
    o.lower = lower;
    o.upper = upper;
    o.tolerance = tolerance;
    answer->version = EGDI_WHATIF_ANSWER_VERSION;
    return egdi_whatif_solve(edition, data, unit, vary, (egdi_whatif_target)target,
                             target_value, &o, answer);
}
%}
