package org.registrar.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BenchHelpTest {
    @Test
    void helpNamesEveryScenarioThatScenarioAccepts() {
        String help = new CommandLine(new BenchCommand()).getUsageMessage(CommandLine.Help.Ansi.OFF);

        String scenarioHelp = help.substring(help.lastIndexOf("--scenario"), help.lastIndexOf("--ssl-mode"))
                .replaceAll("\\s+", " ");
        for (BenchScenario scenario : BenchScenarios.all()) {
            assertThat(scenarioHelp).as("bench --help's --scenario line").contains(scenario.name());
        }
    }
}
