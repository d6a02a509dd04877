package se.tryggkarta.cli;

import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import se.tryggkarta.Wiring;
import se.tryggkarta.access.ApiKey;
import se.tryggkarta.access.IssuedKey;
import se.tryggkarta.access.Role;

/** {@code tryggkarta keys create|list|revoke}: API keys, straight on the store. */
@Command(
    name = "keys",
    mixinStandardHelpOptions = true,
    description = "Manage API keys.",
    subcommands = {KeysCommand.Create.class, KeysCommand.ListKeys.class, KeysCommand.Revoke.class})
public final class KeysCommand {

  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description = "Create a key and print it once.")
  static final class Create implements Callable<Integer> {
    @Mixin StoreOptions store;

    @Option(names = "--role", required = true, description = "admin, analyst or viewer")
    String role;

    @Option(
        names = "--workspace",
        split = ",",
        description = "Workspace(s) the key may act in (not for admin).")
    List<String> workspaces;

    @Option(names = "--label", defaultValue = "", description = "Who holds the key.")
    String label;

    @Override
    public Integer call() {
      try (Wiring wiring = Wiring.open(store.config())) {
        IssuedKey issued =
            wiring
                .keys()
                .create(
                    Role.parse("role", role),
                    workspaces == null ? Set.of() : Set.copyOf(workspaces),
                    label);
        System.out.println("id:   " + issued.key().id());
        System.out.println("key:  " + issued.token());
        System.out.println("The key is shown only now. Send it as 'Authorization: Bearer <key>'.");
        return 0;
      }
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List keys (never their secrets).")
  static final class ListKeys implements Callable<Integer> {
    @Mixin StoreOptions store;

    @Override
    public Integer call() {
      try (Wiring wiring = Wiring.open(store.config())) {
        System.out.printf(
            "%-14s %-8s %-30s %-9s %s%n", "ID", "ROLE", "WORKSPACES", "STATE", "LABEL");
        for (ApiKey k : wiring.keys().listKeys()) {
          System.out.printf(
              "%-14s %-8s %-30s %-9s %s%n",
              k.id(),
              k.role().slug(),
              k.role() == Role.ADMIN
                  ? "(all)"
                  : String.join(",", k.workspaces().stream().sorted().toList()),
              k.isRevoked() ? "revoked" : "active",
              k.label());
        }
        return 0;
      }
    }
  }

  @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a key by id.")
  static final class Revoke implements Callable<Integer> {
    @Mixin StoreOptions store;

    @Parameters(index = "0", description = "The key's id (from 'keys list').")
    String id;

    @Override
    public Integer call() {
      try (Wiring wiring = Wiring.open(store.config())) {
        wiring.keys().revoke(id);
        System.out.println("revoked " + id);
        return 0;
      }
    }
  }
}
