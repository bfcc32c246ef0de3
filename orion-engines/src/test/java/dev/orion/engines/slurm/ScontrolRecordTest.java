package dev.orion.engines.slurm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orion.engine.RunState;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ScontrolRecordTest {

    static final String FAILED = "JobId=1 JobName=t.sh UserId=root(0) GroupId=root(0) MCS_label=N/A Priority=4294901759 "
            + "Nice=0 Account=(null) QOS=(null) JobState=FAILED Reason=NonZeroExitCode Dependency=(null) Requeue=1 "
            + "Restarts=0 BatchFlag=1 Reboot=0 ExitCode=3:0 RunTime=00:00:07 TimeLimit=UNLIMITED TimeMin=N/A "
            + "WorkDir=/tmp/run StdErr=/tmp/t.out StdIn=/dev/null StdOut=/tmp/t.out Power= ";

    @Test
    void aFailedJobLineGivesStateExitCodeAndFields() {
        ScontrolRecord r = ScontrolRecord.parse(FAILED);
        assertThat(r.state()).isEqualTo(RunState.FAILED);
        assertThat(r.exitCode()).contains(3);
        assertThat(r.get("Reason")).contains("NonZeroExitCode");
        assertThat(r.get("WorkDir")).contains("/tmp/run");
        assertThat(r.get("Power")).contains("");
        assertThat(ScontrolRecord.seconds(r.get("RunTime").orElseThrow())).contains(7L);
    }

    @Test
    void everySlurmEndStateMapsToItsOrionState() {
        String[][] cases = {{"PENDING", "PENDING"}, {"CONFIGURING", "PENDING"}, {"RUNNING", "RUNNING"},
            {"COMPLETING", "RUNNING"}, {"COMPLETED", "COMPLETED"}, {"FAILED", "FAILED"}, {"CANCELLED", "CANCELLED"},
            {"TIMEOUT", "TIMEOUT"}, {"OUT_OF_MEMORY", "OUT_OF_MEMORY"}, {"NODE_FAIL", "NODE_FAIL"},
            {"PREEMPTED", "PREEMPTED"}, {"BOOT_FAIL", "NODE_FAIL"}, {"DEADLINE", "TIMEOUT"}, {"WEIRD", "UNKNOWN"}};
        for (String[] c : cases) {
            assertThat(ScontrolRecord.parse("JobId=5 JobState=" + c[0]).state()).as(c[0]).isEqualTo(RunState.valueOf(c[1]));
        }
    }

    @Test
    void signalsBecomeShellStyleExitCodes() {
        assertThat(ScontrolRecord.parse("ExitCode=0:15").exitCode()).contains(143);
        assertThat(ScontrolRecord.parse("ExitCode=0:9").exitCode()).contains(137);
        assertThat(ScontrolRecord.parse("ExitCode=0:0").exitCode()).contains(0);
        assertThat(ScontrolRecord.parse("JobState=PENDING").exitCode()).isEmpty();
    }

    @Test
    void durationsAndTimeLimits() {
        assertThat(ScontrolRecord.seconds("1-02:03:04")).contains(86400L + 2 * 3600 + 3 * 60 + 4);
        assertThat(ScontrolRecord.seconds("UNLIMITED")).isEmpty();
        assertThat(ScontrolRecord.seconds("30")).contains(1800L);
        assertThat(SlurmExecutor.time(Duration.ofSeconds(61))).isEqualTo("0-00:02:00");
        assertThat(SlurmExecutor.time(Duration.ofHours(25))).isEqualTo("1-01:00:00");
        assertThat(SlurmExecutor.time(Duration.ofSeconds(1))).isEqualTo("0-00:01:00");
    }
}
