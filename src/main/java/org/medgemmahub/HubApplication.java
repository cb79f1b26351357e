package org.medgemmahub;

import java.util.Arrays;
import java.util.Optional;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class HubApplication {
    public static void main(String[] args) throws Exception {
        if (HubCommands.isHelp(args)) {
            HubCommands.printHelp(System.out);
            return;
        }
        Optional<HubCommand> command = args.length > 0 ? HubCommands.named(args[0]) : Optional.empty();
        if (command.isPresent()) {
            System.exit(command.get().run(Arrays.copyOfRange(args, 1, args.length)));
        }
        SpringApplication.run(HubApplication.class, args);
    }
}
