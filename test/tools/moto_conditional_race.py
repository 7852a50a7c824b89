#!/usr/bin/env python3
"""Is moto_server's conditional write atomic? Several writers, released together, each write one item on the
condition that its version is still the one they all read (what a sweep's claim does). Atomic conditional
writes (DynamoDB's) let exactly one writer win each round; two winners in a round is a lost update.

    python3 test/tools/moto_conditional_race.py [WRITERS] [ROUNDS] [put|update]

Starts its own moto_server on a free loopback port and stops it at the end. Prints how many rounds had
how many winners, e.g. `{1: 993, 2: 7}` (moto 5.2.1: its server is threaded, and Table.put_item/update_item
read the item, evaluate the condition and store the new item with no lock held in between).
"""
import socket
import subprocess
import sys
import threading
import time

import boto3
from botocore.config import Config


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def client(url):
    config = Config(retries={"max_attempts": 1}, max_pool_connections=64)
    return boto3.client("dynamodb", endpoint_url=url, region_name="us-east-1",
                        aws_access_key_id="test", aws_secret_access_key="test", config=config)


def claim(c, op, version, writer):
    """One conditional write expecting `version`; True if it was accepted."""
    values = {":v": {"N": str(version)}}
    try:
        if op == "put":
            c.put_item(TableName="race", ConditionExpression="ver = :v", ExpressionAttributeValues=values,
                       Item={"pk": {"S": "group#g"}, "ver": {"N": str(version + 1)}, "leaseId": {"S": writer}},
                       ReturnValuesOnConditionCheckFailure="ALL_OLD")
        else:
            values.update({":n": {"N": str(version + 1)}, ":l": {"S": writer}})
            c.update_item(TableName="race", Key={"pk": {"S": "group#g"}}, ConditionExpression="ver = :v",
                          UpdateExpression="SET ver = :n, leaseId = :l", ExpressionAttributeValues=values,
                          ReturnValuesOnConditionCheckFailure="ALL_OLD")
        return True
    except c.exceptions.ConditionalCheckFailedException:
        return False


def main():
    writers = int(sys.argv[1]) if len(sys.argv) > 1 else 2
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 500
    op = sys.argv[3] if len(sys.argv) > 3 else "put"
    port = free_port()
    server = subprocess.Popen(["moto_server", "-H", "127.0.0.1", "-p", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        url = f"http://127.0.0.1:{port}"
        for _ in range(200):
            try:
                client(url).list_tables()
                break
            except Exception:  # not answering yet
                time.sleep(0.05)
        setup = client(url)
        setup.create_table(TableName="race", BillingMode="PAY_PER_REQUEST",
                           AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}],
                           KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}])
        clients = [client(url) for _ in range(writers)]
        for c in clients:
            c.list_tables()  # connections open before the first round
        winners = {}
        for version in range(1, rounds + 1):
            setup.put_item(TableName="race", Item={"pk": {"S": "group#g"}, "ver": {"N": str(version)}})
            start = threading.Barrier(writers)
            won = []

            def write(i):
                start.wait()
                if claim(clients[i], op, version, f"w{i}"):
                    won.append(i)

            threads = [threading.Thread(target=write, args=(i,)) for i in range(writers)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            winners[len(won)] = winners.get(len(won), 0) + 1
        print(f"{op} writers={writers} rounds={rounds} winners per round: {dict(sorted(winners.items()))}")
        return 0 if set(winners) == {1} else 1
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    sys.exit(main())
