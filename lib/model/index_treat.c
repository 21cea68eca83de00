/* (being written) */
#include "model/model.h"
