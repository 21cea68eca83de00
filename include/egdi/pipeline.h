/**
 * @file pipeline.h
 * @brief (being written)
 */
#ifndef EGDI_PIPELINE_H
#define EGDI_PIPELINE_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

#ifdef __cplusplus
}
#endif

#endif
