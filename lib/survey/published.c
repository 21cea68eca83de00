/* (being written) */
#include "survey/survey.h"
