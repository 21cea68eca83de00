/* egdi explain: (being written) */
#include "egdi_tool.h"

int cmd_explain(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    return tool_usage("explain: not built yet");
}
