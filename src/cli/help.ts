const EXIT_CODES = `Exit codes (as the AWS CLI's):
  0    success
  252  usage: unknown command or option, bad value
  253  configuration: no region or credentials, bad endpoint URL, bad seed file
  254  the service answered with an error (the message names it)
  255  the request failed: connection, time-out, unreadable response
`;

export const MAIN_HELP = `ecr-ptc — Amazon ECR pull through cache rules from the command line

Usage:
  ecr-ptc describe-pull-through-cache-rules [options]   list rules, like \`aws ecr describe-pull-through-cache-rules\`
  ecr-ptc emulator [options]                            run a local ECR for tests and demos
  ecr-ptc <command> --help                              the options of a command
  ecr-ptc --version

${EXIT_CODES}`;

export const DESCRIBE_HELP = `Usage: ecr-ptc describe-pull-through-cache-rules [options]

Lists the pull through cache rules of a registry, following every page unless told otherwise.

Filters:
  --registry-id <12 digits>              the registry (account); default: the caller's
  --ecr-repository-prefixes <p> [<p>…]   only these prefixes (1–100); an unknown prefix is an error

Pagination:
  --page-size <n>          rules per request (1–1000; the service default is 100)
  --max-items <n>          stop after n rules and print a NextToken to resume with
  --starting-token <tok>   resume from a NextToken (even one cut in mid-page)
  --no-paginate            one request only; prints the service's raw nextToken

Output and connection:
  --output json|table|text   default: json (or AWS_DEFAULT_OUTPUT); dates in ISO 8601
  --endpoint-url <url>       e.g. http://127.0.0.1:4566 (default: AWS_ENDPOINT_URL_ECR, AWS_ENDPOINT_URL, else AWS)
  --region <region>          default: AWS_REGION, else AWS_DEFAULT_REGION
  --profile <name>           a shared-config profile for credentials (default: AWS_ACCESS_KEY_ID/…)
  --cli-read-timeout <s>     seconds each attempt may take (then retried); 0 = no limit (default 60)
  -h, --help                 this help

NextToken format: base64 of {"nextToken": "<service token>", "boto_truncate_amount": <rules of that page
already printed>}, the AWS CLI's own format, so tokens work with either tool.

${EXIT_CODES}`;

export const EMULATOR_HELP = `Usage: ecr-ptc emulator [options]

Runs a local ECR on 127.0.0.1 that answers DescribePullThroughCacheRules like the real service (SigV4,
validation, errors, pagination) and prints the endpoint and credentials to use. Stops on Ctrl+C.

  --port <n>         TCP port (default 4566; 0 picks a free one)
  --seed <file>      JSON rules: an array, or {"pullThroughCacheRules": [...]} as the AWS CLI prints
                     (default: the bundled seed of 333 rules)
  --region <region>  the region requests must be signed for (default us-east-1)
  --page-size <n>    rules per page when a request has no maxResults (default 100)
  -h, --help         this help

${EXIT_CODES}`;
