import { Command, CommandRunner, Option, SubCommand } from 'nest-commander';
import { ApiKeysService } from '../auth/api-keys.service.js';
import { API_KEY_NAME } from '../auth/dto/create-api-key.input.js';
import { Role } from '../auth/role.js';
import { DatabaseMaintenance } from '../database/database-maintenance.js';

@SubCommand({ name: 'create', description: 'Create an API key and print it (once)' })
export class ApiKeyCreateCommand extends CommandRunner {
  constructor(
    private readonly database: DatabaseMaintenance,
    private readonly apiKeys: ApiKeysService,
  ) {
    super();
  }

  async run(_params: string[], options: { name: string; role: Role }): Promise<void> {
    await this.database.migrate();
    const { key, apiKey } = await this.apiKeys.createApiKey(options.name, options.role);
    console.log(`Created ${apiKey.role} key "${apiKey.name}". It is shown only now:\n${key}`);
  }

  @Option({ flags: '--name <name>', description: 'Unique key name', required: true })
  parseName(name: string): string {
    if (!API_KEY_NAME.test(name)) {
      throw new Error('--name must be 1 to 100 letters, digits, ".", "_", "@" or "-"');
    }
    return name;
  }

  @Option({
    flags: '--role <role>',
    description: `One of ${Object.values(Role).join(', ')}`,
    required: true,
  })
  parseRole(role: string): Role {
    const value = role.toUpperCase();
    if (!Object.values(Role).includes(value as Role)) {
      throw new Error(`--role must be one of ${Object.values(Role).join(', ')}`);
    }
    return value as Role;
  }
}

@SubCommand({ name: 'list', description: 'List API keys (never their secrets)' })
export class ApiKeyListCommand extends CommandRunner {
  constructor(private readonly apiKeys: ApiKeysService) {
    super();
  }

  async run(): Promise<void> {
    const keys = await this.apiKeys.listApiKeys();
    console.table(
      keys.map((key) => ({
        name: key.name,
        role: key.role,
        prefix: key.prefix,
        created: key.createdAt.toISOString(),
        lastUsed: key.lastUsedAt?.toISOString() ?? '',
        revoked: key.revokedAt?.toISOString() ?? '',
      })),
    );
  }
}

@SubCommand({ name: 'revoke', arguments: '<name>', description: 'Revoke an API key by name' })
export class ApiKeyRevokeCommand extends CommandRunner {
  constructor(private readonly apiKeys: ApiKeysService) {
    super();
  }

  async run([name]: string[]): Promise<void> {
    await this.apiKeys.revokeApiKey(name);
    console.log(`Revoked "${name}"`);
  }
}

@Command({
  name: 'api-key',
  description: 'Manage API keys',
  subCommands: [ApiKeyCreateCommand, ApiKeyListCommand, ApiKeyRevokeCommand],
})
export class ApiKeyCommand extends CommandRunner {
  async run(): Promise<void> {
    this.command.help();
  }
}
