package dev.orion.llm.router;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orion.llm.router.log.CallLogExport;
import dev.orion.llm.router.log.InMemoryCallLog;
import dev.orion.store.LlmCall;
import dev.orion.store.LlmCallFilter;
import dev.orion.store.LlmCallOutcome;
import dev.orion.store.LlmCallRecord;
import dev.orion.tenant.TenantId;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The router's CSV export uses the store's CSV cells: a cell a spreadsheet would evaluate is kept as text. */
class CallLogCsvInjectionTest {

    @Test
    void cellsStartingWithFormulaCharactersAreNeutralised() {
        TenantId acme = TenantId.of("acme");
        InMemoryCallLog log = new InMemoryCallLog();
        LlmCall call = LlmCall.builder().time(Instant.parse("2026-11-21T08:00:00Z")).runId("+cmd|' /C calc'!A0")
                .feature("=HYPERLINK(\"http://evil\",\"x\")").profile("@SUM(A1)").provider("openai").model("-2+3")
                .tokensIn(1).tokensOut(1).cost(BigDecimal.ZERO).latency(Duration.ofMillis(1))
                .outcome(LlmCallOutcome.SUCCESS).fallbackPath(List.of("-2+3")).requestId("=1+1").build();
        log.append(acme, List.of(new LlmCallRecord("id-1", call)));
        StringWriter out = new StringWriter();
        CallLogExport.csv(log, acme, LlmCallFilter.all(), out);
        String row = out.toString().split("\n")[1];
        assertThat(row).contains(",'+cmd|' /C calc'!A0,").contains(",\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",")
                .contains(",'@SUM(A1),").contains(",'-2+3,").endsWith(",'=1+1");
        for (String cell : row.split(",")) {
            assertThat(cell).as(cell).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("-").doesNotStartWith("@");
        }
    }
}
